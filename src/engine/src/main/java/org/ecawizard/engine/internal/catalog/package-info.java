/** Not API. The agency catalog a ruleset declares, and its certificate types in order of preference. */
package org.ecawizard.engine.internal.catalog;

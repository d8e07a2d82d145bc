/**
 * Not API. Whether a certificate a buyer already holds will do: reading the file, building its path to an ECA root
 * of the ruleset's trust store, and asking the rules.
 */
package org.ecawizard.engine.internal.certificates;

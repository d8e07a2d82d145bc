/** Not API. A selection in, facts in, the rules fired, a recommendation out. */
package org.ecawizard.engine.internal.recommendation;

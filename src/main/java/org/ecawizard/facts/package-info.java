/**
 * The vocabulary that the rules under {@code rules/} speak: the shape of every fact, never its values.
 * The harness inserts {@link org.ecawizard.facts.Selection} and {@link org.ecawizard.facts.Buyer};
 * every other fact is concluded by a rule, and the harness records which rule concluded it.
 */
package org.ecawizard.facts;

/**
 * The vocabulary that the rules under {@code rules/} speak: the shape of every fact, never its values.
 * The harness inserts {@link org.ecawizard.facts.Selection} and {@link org.ecawizard.facts.Buyer}, and for a held
 * certificate what its path building found ({@link org.ecawizard.facts.HeldChain} or
 * {@link org.ecawizard.facts.OffEcaChain}, {@link org.ecawizard.facts.HeldPolicy},
 * {@link org.ecawizard.facts.HeldValidity}); every other fact is concluded by a rule, and the harness records which rule concluded it. An agency file writes
 * {@link org.ecawizard.facts.Evidence} only, each part named; the wizard's rules read it as the rest.
 */
package org.ecawizard.facts;

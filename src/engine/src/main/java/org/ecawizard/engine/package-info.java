/**
 * The door into the ECA rules for a Java back end and for the eca-wizard service alike: {@link
 * org.ecawizard.engine.EcaRules}. Start there. The answers it gives are records of the other packages: {@link
 * org.ecawizard.advice.Recommendation}, {@link org.ecawizard.certcheck.CertificateCheck}, {@link
 * org.ecawizard.catalog.Agency}, each made of the facts the rules concluded ({@link org.ecawizard.facts}) with the
 * rule that concluded each. Public classes of the other packages that {@code EcaRules} does not hand out (the
 * advisor, the gate, the compiler, the ruleset) are the engine's own workings, public only for one another: a back
 * end has no need of them, and they may change without notice.
 */
package org.ecawizard.engine;

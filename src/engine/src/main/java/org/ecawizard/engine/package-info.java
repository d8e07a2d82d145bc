/**
 * The engine's API, all of it in this package: {@link org.ecawizard.engine.EcaRules}, the door into the ECA rules
 * for a Java back end and for the eca-wizard service alike (start there), and the records its answers, its status
 * and its refusals are made of: {@link org.ecawizard.engine.Recommendation}, {@link
 * org.ecawizard.engine.CertificateCheck}, {@link org.ecawizard.engine.Agency}, {@link
 * org.ecawizard.engine.Scenario}, {@link org.ecawizard.engine.Impact}, each fact in them (the rules' vocabulary,
 * {@link org.ecawizard.facts}) with the rule that concluded it ({@link org.ecawizard.engine.Conclusion}); and
 * {@link org.ecawizard.engine.CheckCommand}, the analysts' check on the command line. The packages under {@code
 * org.ecawizard.engine.internal} are the engine's workings, public only to one another: they are not the API and
 * may change without notice.
 */
package org.ecawizard.engine;

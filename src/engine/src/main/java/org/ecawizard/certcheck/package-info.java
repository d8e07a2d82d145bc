/**
 * Whether a certificate a buyer already holds will do. For a back end: {@link
 * org.ecawizard.certcheck.CertificateCheck} (the verdict) and {@link
 * org.ecawizard.certcheck.CertificateRefusedException} (a file that is no readable public certificate). Reading
 * the file, building its path to an ECA root of the ruleset's trust store and asking the rules are the engine's own.
 */
package org.ecawizard.certcheck;

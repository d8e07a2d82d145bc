/**
 * Whether a certificate a buyer already holds will do. For a back end: {@link
 * org.ecawizard.certcheck.CertificateCheck} (the verdict) and {@link
 * org.ecawizard.certcheck.CertificateRefusedException} (a file that is no readable public certificate). Reading
 * the file and asking the rules are the engine's own.
 */
package org.ecawizard.certcheck;

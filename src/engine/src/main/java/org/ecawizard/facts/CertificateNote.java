package org.ecawizard.facts;

/** Something the buyer should know about the certificate they hold, with where it comes from. */
public record CertificateNote(String text, String source) {
}

package org.ecawizard.facts;

/**
 * Something the buyer should know about the certificate they hold, with where it comes from.
 *
 * @param text   the sentence
 * @param source the public page it rests on, or {@code "wizard"} when it is the wizard's own reasoning
 */
public record CertificateNote(String text, String source) {
}

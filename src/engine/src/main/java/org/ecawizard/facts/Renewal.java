package org.ecawizard.facts;

/** What the buyer can do about renewing the certificate they hold. */
public record Renewal(String advice, String source) {
}

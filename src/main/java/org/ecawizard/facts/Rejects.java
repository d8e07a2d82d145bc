package org.ecawizard.facts;

/**
 * A source states that the application does not accept this type ("Medium Token only" rejects the other two).
 * Written in the agency's file; the wizard also concludes it for every type of an application that takes no ECA
 * certificate.
 */
public record Rejects(String agency, String type, String source) {
}

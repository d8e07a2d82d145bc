package org.ecawizard.facts;

/** A selected agency application accepts certificates of this type. */
public record Acceptance(String agency, String type) {
}

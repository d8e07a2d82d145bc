package org.ecawizard.facts;

/** How the buyer's identity is checked in person for a candidate type. */
public record Proofing(String type, String route, String source) {
}

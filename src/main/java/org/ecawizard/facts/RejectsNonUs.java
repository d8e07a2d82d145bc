package org.ecawizard.facts;

/** A source states that the application does not take Non-U.S. ECA certificates, and why. */
public record RejectsNonUs(String agency, String why, String source) {
}

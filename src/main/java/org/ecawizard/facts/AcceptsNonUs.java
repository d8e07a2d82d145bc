package org.ecawizard.facts;

/** A source states that the application takes Non-U.S. ECA certificates. */
public record AcceptsNonUs(String agency, String source) {
}

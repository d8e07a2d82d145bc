package org.ecawizard.facts;

/** A source states that the application takes ECA certificates, without naming a type. */
public record AcceptsEca(String agency, String source) {
}

package org.ecawizard.facts;

/** A selected application accepts no ECA certificate at all. */
public record AcceptsNoEca(String agency, String explanation) {
}

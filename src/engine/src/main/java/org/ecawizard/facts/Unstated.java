package org.ecawizard.facts;

/** No source says whether the application accepts this type: concluded by the wizard, never written by hand. */
public record Unstated(String agency, String type) {
}

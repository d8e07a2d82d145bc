package org.ecawizard.facts;

/** A selected application does not accept this type: the "why not" of a type that is not offered. */
public record Rejection(String type, String agency) {
}

package org.ecawizard.facts;

/** A source states that the application accepts certificates of this type. Written in the agency's file. */
public record Accepts(String agency, String type, String source) {
}

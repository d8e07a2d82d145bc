package org.ecawizard.facts;

/** Something a buyer should know about an application before paying, with where it comes from. */
public record Notice(String agency, String text, String source) {
}

package org.ecawizard.facts;

/**
 * The application has been retired; it stays selectable, and every answer that includes it says so.
 *
 * @param agency     the application's code
 * @param since      the date it was shut down, as yyyy-mm-dd
 * @param replacedBy the code of the application that replaced it, or empty when none did
 * @param source     the address of the page that says it was retired
 */
public record Retired(String agency, String since, String replacedBy, String source) {
}

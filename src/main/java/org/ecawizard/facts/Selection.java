package org.ecawizard.facts;

/**
 * One agency application the buyer selected, with what its catalog entry says about how sure we are.
 *
 * @param agency the agency code, as the agency's rule declares it in {@code @agency}
 * @param title  the application's full name
 * @param status {@code confirmed}, {@code inferred} or {@code unconfirmed}
 * @param source where the acceptance fact comes from
 * @param note   the catalog's caveat for this entry, empty when there is none
 */
public record Selection(String agency, String title, String status, String source, String note) {
}

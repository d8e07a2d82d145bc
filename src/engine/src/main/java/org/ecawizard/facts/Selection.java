package org.ecawizard.facts;

/**
 * One agency application the buyer selected, with what its catalog entry says about how sure we are.
 *
 * @param agency  the agency code: the name of its file under {@code agencies/}
 * @param title   the application's full name
 * @param status  {@code confirmed}, {@code inferred} or {@code unconfirmed}: how its source as a whole is graded
 * @param source  the application's main source
 * @param note    the catalog's caveat for this entry, empty when there is none
 * @param special one of the wizard's special entries ("My Federal Program is not Listed") rather than an application
 */
public record Selection(String agency, String title, String status, String source, String note, boolean special) {
}

package org.ecawizard.facts;

/**
 * What the held certificate means for the whole selection.
 *
 * @param verdict {@code covers}, {@code unconfirmed} (some application's source is silent), {@code misses},
 *                {@code expired} or {@code not-eca}
 */
public record CheckVerdict(String verdict, String summary) {
}

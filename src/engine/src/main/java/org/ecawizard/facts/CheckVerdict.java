package org.ecawizard.facts;

/**
 * What the held certificate means for the whole selection.
 *
 * @param verdict {@code covers}, {@code unconfirmed} (some application's source is silent, or accepts the type by
 *                the wizard's reading only), {@code misses}, {@code expired}, {@code not-eca} or {@code not-needed}
 */
public record CheckVerdict(String verdict, String summary) {
}

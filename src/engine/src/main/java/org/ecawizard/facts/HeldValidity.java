package org.ecawizard.facts;

/**
 * How long the certificate the buyer holds has left: its presence says a certificate is being checked.
 *
 * @param daysLeft whole days until it expires; negative once it has expired
 */
public record HeldValidity(long daysLeft) {
}

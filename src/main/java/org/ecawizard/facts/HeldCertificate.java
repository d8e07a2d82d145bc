package org.ecawizard.facts;

/**
 * The certificate a buyer already holds, as far as renewal is concerned.
 *
 * @param daysLeft whole days until it expires; negative once it has expired
 */
public record HeldCertificate(long daysLeft) {
}

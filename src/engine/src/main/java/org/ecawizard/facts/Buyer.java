package org.ecawizard.facts;

/**
 * What the buyer told the wizard about themselves. Residence picks the products and the proofing route; citizenship
 * is what a certificate shows and what some applications require.
 *
 * @param citizenship {@code us}, {@code other}, or {@code unstated} when the buyer did not say
 */
public record Buyer(boolean residesInUs, String citizenship) {
}

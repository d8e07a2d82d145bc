package org.ecawizard.facts;

/**
 * What the buyer can do about renewing the certificate they hold.
 *
 * @param advice the sentence a buyer reads
 * @param source the address of the page it rests on
 */
public record Renewal(String advice, String source) {
}

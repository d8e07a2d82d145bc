package org.ecawizard.facts;

/**
 * The application takes no ECA certificate: it needs none, or it takes only other credentials.
 *
 * @param why     what the source says, as a sentence a buyer reads
 * @param instead what gets a buyer in instead (a DoD CAC, guest access, PIEE credentials)
 */
public record TakesNoEca(String agency, String why, String instead, String source) {
}

package org.ecawizard.facts;

/**
 * The application takes no ECA certificate, one of two ways: {@code not-needed} (the program no longer asks for
 * one, or never did: nothing to buy for it, no type is rejected) or {@code not-accepted} (an ECA certificate will
 * not get the buyer in: every type is rejected). Either way it is left out of the intersection.
 *
 * @param agency  the application's code
 * @param kind    {@code not-needed} or {@code not-accepted}
 * @param basis   {@code stated} (the page says it) or {@code inferred} (the analyst's reading, said in {@code why})
 * @param why     what the source says, as a sentence a buyer reads
 * @param instead what gets a buyer in instead (a DoD CAC, guest access, PIEE credentials)
 * @param source  the address of the page it rests on
 */
public record TakesNoEca(String agency, String kind, String basis, String why, String instead, String source) {
}

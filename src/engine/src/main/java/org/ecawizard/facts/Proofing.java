package org.ecawizard.facts;

/**
 * How the buyer's identity is checked in person for a candidate type.
 *
 * @param type   the code of the purchased type it is for, e.g. {@code MEDIUM_TOKEN_ASSURANCE}
 * @param route  who checks the buyer's identity, as a buyer reads it: it depends on the type, on where the buyer
 *               lives and, outside the U.S., on their citizenship
 * @param source the address of the page it rests on
 */
public record Proofing(String type, String route, String source) {
}

package org.ecawizard.facts;

/**
 * A held certificate that no valid path joins to an ECA root of the ruleset's trust store, and what the path
 * building found, e.g. "it is signed by itself".
 */
public record OffEcaChain(String why) {
}

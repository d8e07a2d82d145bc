package org.ecawizard.facts;

/** What the buyer told the wizard about themselves. */
public record Buyer(boolean residesInUs) {
}

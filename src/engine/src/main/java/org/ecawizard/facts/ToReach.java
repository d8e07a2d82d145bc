package org.ecawizard.facts;

/**
 * A selected application that takes ECA certificates and that a certificate the buyer can get reaches: the
 * certificate bought must reach it. Concluded by a rule.
 */
public record ToReach(String agency) {
}

package org.ecawizard.facts;

/** A selected application that takes ECA certificates: the certificate bought must reach it. Concluded by a rule. */
public record ToReach(String agency) {
}

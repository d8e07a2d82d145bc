package org.ecawizard.facts;

/** One sentence of the explanation a buyer reads. */
public record Reason(String text) {
}

package org.ecawizard.facts;

/** A type the buyer may have to buy: offered, or part of a covering set. Products and proofing follow it. */
public record Candidate(String type) {
}

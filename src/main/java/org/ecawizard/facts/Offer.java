package org.ecawizard.facts;

/** A type that every selected application that takes ECA certificates accepts. */
public record Offer(String type) {
}

package org.ecawizard.facts;

/** A type that every selected application that takes ECA certificates is stated to accept. */
public record SureType(String type, String title) {
}

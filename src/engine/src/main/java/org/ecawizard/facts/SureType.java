package org.ecawizard.facts;

/** A type that every application to reach is stated to accept (or any type, when no selected application limits it). */
public record SureType(String type, String title) {
}

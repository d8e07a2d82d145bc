package org.ecawizard.facts;

import java.util.List;

/** A type that some selected application is stated to reject, so that it cannot be the one certificate to buy. */
public record NotOffered(String type, String title, List<String> rejectedBy) {
}

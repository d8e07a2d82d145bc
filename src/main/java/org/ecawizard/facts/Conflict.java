package org.ecawizard.facts;

import java.util.List;

/** These selected applications have no certificate type in common. */
public record Conflict(List<String> agencies) {
}

package org.ecawizard.facts;

import java.util.List;

/** Stated rejections leave these selected applications with no certificate type in common. */
public record Conflict(List<String> agencies) {
}

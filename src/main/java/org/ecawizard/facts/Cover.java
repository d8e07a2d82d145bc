package org.ecawizard.facts;

import java.util.List;

/** When no single type will do: certificate types that, bought together, reach every selection. */
public record Cover(List<String> types) {
}

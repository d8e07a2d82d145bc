package org.ecawizard.facts;

import java.util.List;

/**
 * When no single type will do: types that, bought together, reach every selected application.
 *
 * @param rankSum the sum of the types' ranks: of two sets of one size, the lower sum is the more suitable
 */
public record CoveringSet(List<String> types, int rankSum) {
}

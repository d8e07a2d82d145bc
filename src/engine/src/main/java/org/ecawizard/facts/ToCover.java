package org.ecawizard.facts;

import java.util.List;

/**
 * Whom one certificate bought for the whole selection is for: the applications to reach and the entries that limit
 * no type. Concluded by a rule, once.
 */
public record ToCover(List<String> agencies) {
}

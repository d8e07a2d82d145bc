package org.ecawizard.engine;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A fact in the session after the rules fired, and the rule that inserted it. It is written out as the fact's
 * own fields plus {@code rule}, so that an answer shows each conclusion with its rule without copying the fact.
 *
 * @param rule the rule's name; empty for a fact the harness inserted
 */
public record Conclusion<T>(@JsonUnwrapped T fact, String rule) {
}

package org.ecawizard.engine;

import java.util.List;

/**
 * What a new ruleset changes for buyers: every selection (each agency alone, each pair, both residency answers,
 * each scenario) whose answer differs between the two rulesets.
 *
 * @param from      the version of the ruleset compared from (after a reload, the one it replaced)
 * @param to        the version of the new ruleset
 * @param evaluated how many selections were compared
 * @param changes   the selections whose answer differs, in the order they were compared
 */
public record Impact(String from, String to, int evaluated, List<Change> changes) {

    /**
     * One selection whose answer changes, and what in it changes.
     *
     * @param selection   the selection, as an analyst reads it: its agency codes joined by {@code +}, followed by
     *                    {@code (outside the U.S.)} when the buyer lives abroad, or {@code scenario 'NAME'}
     * @param answer      its new answer in one line: the types all its applications take and what to buy
     * @param differences the parts of its answer that change, in the order they are shown
     * @param decidedBy   the rules that decided its new answer: each agency rule that gave its evidence, with its
     *                    file and line, and the wizard's rule that concluded what to buy
     */
    public record Change(String selection, String answer, List<Difference> differences, List<String> decidedBy) {
    }

    /**
     * One part of an answer (what to buy, products, prices, warnings) before and after.
     *
     * @param part   {@code headline}, {@code answer}, {@code takes no ECA}, {@code out of reach}, {@code retired},
     *               {@code products}, {@code prices} (only when the products stay the same) or {@code warnings}
     * @param before the part under the ruleset compared from, as one line of text; empty when it had none
     * @param after  the part under the ruleset compared to, as one line of text; empty when it has none
     */
    public record Difference(String part, String before, String after) {
    }

    /** @return one line: from which version to which, how many selections were compared and how many change */
    public String summary() {
        return changes.size() + " of " + evaluated + " selections answer differently (" + from + " -> " + to + ")";
    }
}

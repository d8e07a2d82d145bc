package org.ecawizard.ruleset;

import java.util.List;

/**
 * What one run of the rules concluded, in the order the facts were inserted.
 *
 * @param fired how many rule matches fired
 */
public record Evaluation(List<Conclusion<?>> conclusions, int fired) {

    @SuppressWarnings("unchecked")
    public <T> List<Conclusion<T>> all(Class<T> type) {
        return conclusions.stream()
                .filter(c -> type.isInstance(c.fact()))
                .map(c -> (Conclusion<T>) c)
                .toList();
    }

    public <T> List<T> facts(Class<T> type) {
        return all(type).stream().map(Conclusion::fact).toList();
    }
}

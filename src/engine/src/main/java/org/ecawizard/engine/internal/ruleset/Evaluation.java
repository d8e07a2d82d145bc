package org.ecawizard.engine.internal.ruleset;

import java.util.List;
import org.ecawizard.engine.Conclusion;
import org.ecawizard.engine.RuleLocation;

/**
 * What one run of the rules concluded, in the order the facts were inserted.
 *
 * @param fired the rules that fired, in order, once per match
 */
public record Evaluation(List<Conclusion<?>> conclusions, List<RuleLocation> fired) {

    /**
     * @param <T>  the fact's type
     * @param type the class of the facts wanted
     * @return the conclusions of that type, each with its rule, in order
     */
    @SuppressWarnings("unchecked")
    public <T> List<Conclusion<T>> all(Class<T> type) {
        return conclusions.stream()
                .filter(c -> type.isInstance(c.fact()))
                .map(c -> (Conclusion<T>) c)
                .toList();
    }

    /**
     * @param <T>  the fact's type
     * @param type the class of the facts wanted
     * @return the concluded facts of that type, in order
     */
    public <T> List<T> facts(Class<T> type) {
        return all(type).stream().map(Conclusion::fact).toList();
    }
}

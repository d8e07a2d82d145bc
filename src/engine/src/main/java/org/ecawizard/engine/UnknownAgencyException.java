package org.ecawizard.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The selection names codes that the catalog does not have; says which codes were probably meant. */
public class UnknownAgencyException extends SelectionRefusedException {

    /** Each unknown code with the codes it probably meant. */
    private final Map<String, List<String>> suggestions;

    /** @param suggestions each unknown code, in the order given, with the codes it probably meant */
    public UnknownAgencyException(Map<String, List<String>> suggestions) {
        super(suggestions.entrySet().stream()
                .map(e -> "'" + e.getKey() + "'" + (e.getValue().isEmpty() ? ""
                        : " (did you mean " + String.join(" or ", e.getValue()) + "?)"))
                .collect(Collectors.joining(", ", "Unknown agency code ", ".")));
        this.suggestions = Collections.unmodifiableMap(new LinkedHashMap<>(suggestions));
    }

    /** @return the unknown codes, in the order given */
    public List<String> unknown() {
        return List.copyOf(suggestions.keySet());
    }

    /** @return each unknown code, in the order given, with the codes it probably meant (perhaps none) */
    public Map<String, List<String>> suggestions() {
        return suggestions;
    }
}

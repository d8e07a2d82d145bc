package org.ecawizard.catalog;

import java.util.List;
import org.ecawizard.facts.Selection;

/**
 * An agency application as its rule file declares it.
 *
 * @param acceptedTypes the types its rule accepts when it is selected alone, most suitable first; empty when
 *                      the application takes no ECA certificate
 * @param status        {@code confirmed}, {@code inferred} or {@code unconfirmed}
 * @param special       one of the wizard's special entries rather than an application
 * @param file          the rule file that declares it, and {@code line} the line of its rule
 */
public record Agency(String code, String title, String summary, List<String> acceptedTypes, String status,
                     String source, String note, boolean special, String rule, String file, int line) {

    public Agency {
        acceptedTypes = List.copyOf(acceptedTypes);
    }

    /** The fact that says this agency is selected. */
    public Selection selection() {
        return new Selection(code, title, status, source, note);
    }
}

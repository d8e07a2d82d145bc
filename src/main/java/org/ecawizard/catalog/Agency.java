package org.ecawizard.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.ecawizard.facts.Selection;

/**
 * An agency application as its rule file declares it, with what its sources say of each certificate type. The
 * three type lists partition the ruleset's types, each most suitable first.
 *
 * @param acceptedTypes a source states the application accepts them
 * @param rejectedTypes a source states it does not; all of them when it takes no ECA certificate
 * @param unstatedTypes no source says either way
 * @param evidence      each stated type with its source
 * @param status        {@code confirmed}, {@code inferred} or {@code unconfirmed}: the grade of its sources
 * @param sourceDate    the date of the main source where it has one, else empty
 * @param nonUs         whether it takes Non-U.S. ECA certificates: {@code accepted}, {@code rejected} or
 *                      {@code unstated}
 * @param special       one of the wizard's special entries rather than an application
 * @param file          the rule file that declares it, and {@code line} the line of its rule
 */
public record Agency(String code, String title, List<String> acceptedTypes, List<String> rejectedTypes,
                     List<String> unstatedTypes, List<Stated> evidence, String status, String source,
                     String sourceDate, String note, Lifecycle lifecycle, String nonUs, boolean special, String rule,
                     String file, int line) {

    /**
     * Keeps its own copies of the lists.
     *
     * @param code          the application's code, as a selection names it
     * @param title         its name
     * @param acceptedTypes the types a source states it accepts
     * @param rejectedTypes the types a source states it does not
     * @param unstatedTypes the types no source speaks of
     * @param evidence      each stated type with its source
     * @param status        the grade of its sources
     * @param source        its main source
     * @param sourceDate    the main source's date, or empty
     * @param note          what the wizard says of it besides, or empty
     * @param lifecycle     active, or retired
     * @param nonUs         whether it takes Non-U.S. ECA certificates
     * @param special       one of the wizard's special entries
     * @param rule          the rule that declares it
     * @param file          the file of that rule
     * @param line          the line of that rule
     */
    public Agency {
        acceptedTypes = List.copyOf(acceptedTypes);
        rejectedTypes = List.copyOf(rejectedTypes);
        unstatedTypes = List.copyOf(unstatedTypes);
        evidence = List.copyOf(evidence);
    }

    /** What a source states of one type: {@code accepted} or {@code rejected}. */
    public record Stated(String type, String stance, String source) {
    }

    /**
     * {@code active}, or {@code retired} since a date, replaced by another application where one did.
     *
     * @param replacedBy the code of the application that replaced it; null when none did
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Lifecycle(String state, String since, String replacedBy, String source) {

        /** An application in service. */
        public static final Lifecycle ACTIVE = new Lifecycle("active", null, null, null);
    }

    /** @return the fact that says this agency is selected */
    public Selection selection() {
        return new Selection(code, title, status, source, note, special);
    }
}

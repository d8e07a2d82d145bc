package org.ecawizard.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.ecawizard.facts.Selection;

/**
 * An agency application as its rule file declares it, with what its sources say of each certificate type. The
 * three type lists partition the ruleset's types, each most suitable first.
 *
 * @param code          the application's code, as a selection names it; its rule file is {@code CODE.drl}
 * @param title         its name
 * @param acceptedTypes a source states, or the analyst reads, that the application accepts them ({@code evidence}
 *                      says which)
 * @param rejectedTypes a source states, or the analyst reads, that it does not; all of them when an ECA certificate
 *                      will not get a buyer in
 * @param unstatedTypes no source says either way
 * @param evidence      each type a source speaks of, with its stance and basis
 * @param noEca         how it takes no ECA certificate; null (absent in JSON) when it takes them
 * @param status        {@code confirmed}, {@code inferred} or {@code unconfirmed}: the grade of its sources
 * @param source        the address of its main source
 * @param sourceDate    the date of the main source where it has one, else empty
 * @param note          what the wizard says of it besides, or empty
 * @param nonUs         whether it takes the certificate of a holder who is not a U.S. citizen: {@code rejected}
 *                      when a source says it takes only U.S. citizens, else {@code unstated}
 * @param special       one of the wizard's special entries rather than an application
 * @param anyType       it names no application, so it limits no type: any ECA type will do for it
 * @param rule          the name of the rule that declares it
 * @param file          the rule file that declares it
 * @param line          the line of that rule's declaration in {@code file}
 */
public record Agency(String code, String title, List<String> acceptedTypes, List<String> rejectedTypes,
                     List<String> unstatedTypes, List<TypeEvidence> evidence,
                     @JsonInclude(JsonInclude.Include.NON_NULL) NoEca noEca, String status, String source,
                     String sourceDate, String note, Lifecycle lifecycle, String nonUs, boolean special, boolean anyType, String rule,
                     String file, int line) {

    /**
     * Keeps its own copies of the lists.
     *
     * @param code          the application's code, as a selection names it
     * @param title         its name
     * @param acceptedTypes the types a source states it accepts
     * @param rejectedTypes the types a source states it does not
     * @param unstatedTypes the types no source speaks of
     * @param evidence      each type a source speaks of, with its stance and basis
     * @param noEca         how it takes no ECA certificate, or null
     * @param status        the grade of its sources
     * @param source        its main source
     * @param sourceDate    the main source's date, or empty
     * @param note          what the wizard says of it besides, or empty
     * @param lifecycle     active, or retired
     * @param nonUs         whether it takes the certificate of a holder who is not a U.S. citizen
     * @param special       one of the wizard's special entries
     * @param anyType       it limits no type
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

    /**
     * What a source says of one type.
     *
     * @param type    the certificate type's code, e.g. {@code MEDIUM_TOKEN_ASSURANCE}
     * @param stance  {@code accepted} or {@code rejected}
     * @param basis   {@code stated} (the page says it, in {@code quote}) or {@code inferred} (the analyst's
     *                {@code reading} of a page that does not name the type)
     * @param source  the address of the page it rests on
     * @param quote   the page's own words; null (absent in JSON) when inferred
     * @param reading why the analyst reads the page so; null (absent in JSON) when stated
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TypeEvidence(String type, String stance, String basis, String source, String quote, String reading) {
    }

    /**
     * How an application takes no ECA certificate.
     *
     * @param kind    {@code not-needed} (nothing to buy for it, no type rejected) or {@code not-accepted} (an ECA
     *                certificate will not get a buyer in: every type rejected)
     * @param why     what the source says, as a buyer reads it
     * @param instead what gets a buyer in instead
     * @param source  the address of the page it rests on
     * @param basis   {@code stated} or {@code inferred} (the analyst's reading, said in {@code why})
     */
    public record NoEca(String kind, String why, String instead, String source, String basis) {
    }

    /**
     * {@code active}, or {@code retired} since a date, replaced by another application where one did.
     *
     * @param state      {@code active} or {@code retired}
     * @param since      the date it was retired, yyyy-mm-dd; null (absent in JSON) when active
     * @param replacedBy the code of the application that replaced it; null when none did
     * @param source     the address of the page that says it was retired; null (absent in JSON) when active
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

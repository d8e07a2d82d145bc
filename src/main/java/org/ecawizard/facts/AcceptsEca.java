package org.ecawizard.facts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A source says that the application takes ECA certificates, without naming a type.
 *
 * @param basis {@code stated} (with the page's {@code quote}) or {@code inferred} (with the analyst's {@code reading})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AcceptsEca(String agency, String basis, String quote, String reading, String source) {

    /**
     * @param agency the application's code
     * @param quote  the page's own words, short
     * @param source the page's address
     * @return the page's statement that the application takes ECA certificates
     */
    public static AcceptsEca stated(String agency, String quote, String source) {
        return new AcceptsEca(agency, Basis.STATED, quote, null, source);
    }
}

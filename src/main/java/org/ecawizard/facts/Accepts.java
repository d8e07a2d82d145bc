package org.ecawizard.facts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A source says that the application accepts certificates of this type. Written in the agency's file, as
 * {@link #stated} (the page says it, in {@code quote}) or {@link #inferred} (the analyst's reading of a page that does
 * not name the type, in {@code reading}).
 *
 * @param basis {@code stated} or {@code inferred}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Accepts(String agency, String type, String basis, String quote, String reading, String source) {

    /**
     * @param agency the application's code
     * @param type   the certificate type's code
     * @param quote  the page's own words, short
     * @param source the page's address
     * @return the page's statement that the application accepts the type
     */
    public static Accepts stated(String agency, String type, String quote, String source) {
        return new Accepts(agency, type, Basis.STATED, quote, null, source);
    }

    /**
     * @param agency  the application's code
     * @param type    the certificate type's code
     * @param reading why the analyst reads the page so: the page does not name the type
     * @param source  the page's address
     * @return the analyst's reading that the application accepts the type
     */
    public static Accepts inferred(String agency, String type, String reading, String source) {
        return new Accepts(agency, type, Basis.INFERRED, null, reading, source);
    }
}

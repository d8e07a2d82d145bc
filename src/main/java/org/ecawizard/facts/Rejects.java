package org.ecawizard.facts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A source says that the application does not accept this type ("Medium Token only" rejects the other two). Written
 * in the agency's file, as {@link #stated} or {@link #inferred}; the wizard also concludes it, on the same basis, for
 * every type of an application where an ECA certificate will not get the buyer in. Only a stated rejection can put
 * applications in conflict.
 *
 * @param basis {@code stated} or {@code inferred}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rejects(String agency, String type, String basis, String quote, String reading, String source) {

    /**
     * @param agency the application's code
     * @param type   the certificate type's code
     * @param quote  the page's own words, short
     * @param source the page's address
     * @return the page's statement that the application does not accept the type
     */
    public static Rejects stated(String agency, String type, String quote, String source) {
        return new Rejects(agency, type, Basis.STATED, quote, null, source);
    }

    /**
     * @param agency  the application's code
     * @param type    the certificate type's code
     * @param reading why the analyst reads the page so: the page does not name the type
     * @param source  the page's address
     * @return the analyst's reading that the application does not accept the type
     */
    public static Rejects inferred(String agency, String type, String reading, String source) {
        return new Rejects(agency, type, Basis.INFERRED, null, reading, source);
    }
}

package org.ecawizard.facts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A source says that the application does not accept this type: concluded from the agency file's {@link Evidence}
 * ({@code rejects}; every other type of {@code acceptsOnly}; every type of {@code acceptsNoEca}), on the same basis.
 * Only a stated rejection can put applications in conflict.
 *
 * @param agency  the application's code
 * @param type    the certificate type's code, e.g. {@code MEDIUM_TOKEN_ASSURANCE}
 * @param basis   {@code stated} or {@code inferred}
 * @param quote   the page's own words; null (absent in JSON) when inferred
 * @param reading why the analyst reads the page so; null (absent in JSON) when stated
 * @param source  the address of the page it rests on
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rejects(String agency, String type, String basis, String quote, String reading, String source) {
}

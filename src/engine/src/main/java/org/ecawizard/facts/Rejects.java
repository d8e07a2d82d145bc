package org.ecawizard.facts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A source says that the application does not accept this type: concluded from the agency file's {@link Evidence}
 * ({@code rejects}; every other type of {@code acceptsOnly}; every type of {@code acceptsNoEca}), on the same basis.
 * Only a stated rejection can put applications in conflict.
 *
 * @param basis {@code stated} or {@code inferred}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rejects(String agency, String type, String basis, String quote, String reading, String source) {
}

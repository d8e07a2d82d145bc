package org.ecawizard.facts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A source says that the application takes ECA certificates, without naming a type: concluded from the agency file's
 * {@link Evidence} ({@code acceptsEca}).
 *
 * @param basis {@code stated} (with the page's {@code quote}) or {@code inferred} (with the analyst's {@code reading})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AcceptsEca(String agency, String basis, String quote, String reading, String source) {
}

package org.ecawizard.facts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A source says that the application accepts certificates of this type: concluded from the agency file's
 * {@link Evidence} ({@code accepts} or {@code acceptsOnly}), stated (the page says it, in {@code quote}) or inferred
 * (the analyst's reading of a page that does not name the type, in {@code reading}).
 *
 * @param basis {@code stated} or {@code inferred}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Accepts(String agency, String type, String basis, String quote, String reading, String source) {
}

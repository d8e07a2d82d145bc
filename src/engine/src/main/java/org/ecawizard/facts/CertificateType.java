package org.ecawizard.facts;

/**
 * An ECA certificate type.
 *
 * @param rank    lower ranks are suggested first when several types would do
 * @param summary what holding it means for the buyer, and {@code source} where that is stated
 */
public record CertificateType(String code, String title, int rank, String summary, String source) {
}

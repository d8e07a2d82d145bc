package org.ecawizard.facts;

/**
 * An ECA certificate type.
 *
 * @param rank lower ranks are offered first when several types would do
 */
public record CertificateType(String code, String title, int rank, String summary) {
}

package org.ecawizard.certcheck;

import java.util.List;

/**
 * @param certificate the public certificate as PEM text (BEGIN CERTIFICATE ... END CERTIFICATE)
 */
public record CertificateCheckRequest(String certificate, List<String> agencies, Boolean residesInUs) {
}

package org.ecawizard.web;

import java.util.List;
import org.ecawizard.advice.Choice;

/**
 * @param certificate the public certificate as PEM text (BEGIN CERTIFICATE ... END CERTIFICATE)
 */
record CertificateCheckRequest(String certificate, List<String> agencies, Boolean residesInUs) {

    Choice choice() {
        return Choice.of(agencies, residesInUs);
    }
}

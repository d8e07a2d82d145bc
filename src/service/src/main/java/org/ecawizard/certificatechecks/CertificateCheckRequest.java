package org.ecawizard.certificatechecks;

import java.util.List;
import org.ecawizard.advice.Choice;

/**
 * @param certificate the public certificate as PEM text (BEGIN CERTIFICATE ... END CERTIFICATE)
 * @param usCitizen   whether the buyer is a U.S. citizen; optional
 */
record CertificateCheckRequest(String certificate, List<String> agencies, Boolean residesInUs, Boolean usCitizen) {

    Choice choice() {
        return Choice.of(agencies, residesInUs, usCitizen);
    }
}

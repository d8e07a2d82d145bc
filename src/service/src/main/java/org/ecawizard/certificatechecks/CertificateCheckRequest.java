package org.ecawizard.certificatechecks;

import java.util.List;
import org.ecawizard.engine.Choice;

/**
 * A certificate check sent as JSON: the public certificate the buyer holds, as PEM text, and the selection it is
 * checked for.
 *
 * @param certificate the public certificate as PEM text (BEGIN CERTIFICATE ... END CERTIFICATE)
 * @param agencies    the agency codes the buyer selected; matched trimmed and case-insensitively
 * @param residesInUs whether the buyer lives in the U.S.; when absent, taken as yes
 * @param usCitizen   whether the buyer is a U.S. citizen; optional
 */
record CertificateCheckRequest(String certificate, List<String> agencies, Boolean residesInUs, Boolean usCitizen) {

    Choice choice() {
        return Choice.of(agencies, residesInUs, usCitizen);
    }
}

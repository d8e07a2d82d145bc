package org.ecawizard.certificatechecks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ecawizard.delivery.RulesetService;
import org.ecawizard.engine.CertificateCheck;
import org.ecawizard.engine.CertificateRefusedException;
import org.ecawizard.engine.Choice;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * "Will the certificate I already have work?" Only the public certificate is accepted; nothing uploaded is
 * stored or logged: the file is read in memory, checked and dropped.
 */
@RestController
@Tag(name = "Certificate checks", description = "Whether a certificate the buyer already holds will do")
class CertificateCheckController {

    private static final String SUMMARY = "Will a certificate the buyer holds work for the selected applications?";
    private static final String DESCRIPTION = """
            Send the public certificate as PEM text in JSON, or upload the file (DER or PEM) as \
            multipart/form-data with the selection in form fields. It is an ECA certificate only on a valid \
            path (PKIX: signatures, names, CA constraints, validity, policies) through an ECA CA to an ECA root, \
            both of the ruleset's trust store; an expired one is judged when it was last valid, to say it \
            expired. Otherwise the verdict is not-eca, and the summary says why. Revocation is not checked. The \
            rules map the ECA policy OIDs valid on that path to types and say, per application, whether it is \
            stated to accept it, and what renewal allows with the vendor whose CA issued it; the applications \
            it does not reach get a recommendation. Nothing uploaded is stored or logged.""";

    private final RulesetService rulesets;

    CertificateCheckController(RulesetService rulesets) {
        this.rulesets = rulesets;
    }

    @Operation(operationId = "checkCertificate", summary = SUMMARY, description = DESCRIPTION)
    @ApiResponse(responseCode = "200", description = "The check")
    @ApiResponse(responseCode = "400", description = "No certificate, not a readable public certificate, a private"
            + " key, or a bad selection")
    @ApiResponse(responseCode = "413", description = "The body is larger than eca.http.max-body")
    @ApiResponse(responseCode = "415", description = "Neither application/json nor multipart/form-data")
    @PostMapping(path = "/api/certificate-checks", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    CertificateCheck checkPem(@RequestBody CertificateCheckRequest request) {
        if (request.certificate() == null || request.certificate().isBlank()) {
            throw new CertificateRefusedException("missing-certificate", "No certificate",
                    "Send the certificate as PEM text in \"certificate\", or upload the file as multipart/form-data.");
        }
        return check(request.certificate().getBytes(StandardCharsets.UTF_8), request.choice());
    }

    @Operation(operationId = "checkCertificate", summary = SUMMARY, description = DESCRIPTION,
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = CertificateForm.class))))
    @PostMapping(path = "/api/certificate-checks", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    CertificateCheck checkFile(@Parameter(hidden = true) @RequestPart("certificate") MultipartFile certificate,
                               @Parameter(hidden = true) @RequestParam("agencies") List<String> agencies,
                               @Parameter(hidden = true) @RequestParam(name = "residesInUs", required = false)
                               Boolean residesInUs,
                               @Parameter(hidden = true) @RequestParam(name = "usCitizen", required = false)
                               Boolean usCitizen)
            throws IOException {
        return check(certificate.getBytes(), Choice.of(agencies, residesInUs, usCitizen));
    }

    /**
     * The multipart form of a certificate check: the certificate file the buyer holds, and the selection it is
     * checked for in form fields.
     *
     * @param certificate the certificate file, DER or PEM
     * @param agencies    the selected agency codes, one field each
     * @param residesInUs whether the buyer lives in the U.S.; when absent, taken as yes
     * @param usCitizen   whether the buyer is a U.S. citizen; optional
     */
    @Schema(requiredProperties = {"certificate", "agencies"})
    record CertificateForm(@Schema(type = "string", format = "binary") String certificate, List<String> agencies,
                           Boolean residesInUs, Boolean usCitizen) {
    }

    private CertificateCheck check(byte[] file, Choice choice) {
        return rulesets.rules().checkCertificate(file, choice);
    }
}

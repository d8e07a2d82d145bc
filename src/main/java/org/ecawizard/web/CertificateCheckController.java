package org.ecawizard.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ecawizard.advice.Choice;
import org.ecawizard.certcheck.CertificateCheck;
import org.ecawizard.certcheck.CertificateChecker;
import org.ecawizard.certcheck.CertificateReader;
import org.ecawizard.certcheck.CertificateRefusedException;
import org.ecawizard.certcheck.HeldCertificate;
import org.ecawizard.live.RulesetService;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
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
class CertificateCheckController {

    private final RulesetService rulesets;
    private final CertificateChecker checker;

    CertificateCheckController(RulesetService rulesets, CertificateChecker checker) {
        this.rulesets = rulesets;
        this.checker = checker;
    }

    @Operation(summary = "Check a certificate the buyer holds (PEM text) against the selected applications")
    @ApiResponse(responseCode = "200", description = "The check")
    @ApiResponse(responseCode = "400", description = "Not a readable public certificate, a private key, or a bad"
            + " selection", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
            schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping(path = "/api/certificate-checks", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    CertificateCheck checkPem(@RequestBody CertificateCheckRequest request) {
        if (request.certificate() == null || request.certificate().isBlank()) {
            throw new CertificateRefusedException("missing-certificate", "No certificate",
                    "Send the certificate as PEM text in \"certificate\", or upload the file as multipart/form-data.");
        }
        return check(request.certificate().getBytes(StandardCharsets.UTF_8), request.choice());
    }

    @Operation(summary = "Check a certificate file the buyer holds (DER or PEM) against the selected applications")
    @PostMapping(path = "/api/certificate-checks", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    CertificateCheck checkFile(@RequestPart("certificate") MultipartFile certificate,
                               @RequestParam("agencies") List<String> agencies,
                               @RequestParam(name = "residesInUs", required = false) Boolean residesInUs)
            throws IOException {
        return check(certificate.getBytes(), Choice.of(agencies, residesInUs));
    }

    private CertificateCheck check(byte[] file, Choice choice) {
        HeldCertificate held = CertificateReader.read(file);
        return rulesets.withCurrent(ruleset -> checker.check(ruleset, choice, held));
    }
}

package org.ecawizard.certificatechecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ecawizard.delivery.RulesetService;
import org.ecawizard.engine.internal.certificates.TestCertificates;
import org.ecawizard.http.ContractCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

/** POST /api/certificate-checks with certificates of the tests' throw-away PKI, whose root the rules trust. */
@SpringBootTest(properties = "eca.rules.watch=false")
@AutoConfigureMockMvc
@Import(ContractCheck.class)
class CertificateCheckTest {

    private static final TestCertificates CERTIFICATES = TestCertificates.PKI;
    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @DynamicPropertySource
    static void rules(DynamicPropertyRegistry registry) {
        registry.add("eca.rules.dir", () -> TestCertificates.rules().toString());
    }

    @Autowired
    RulesetService rulesets;

    private MvcTestResult checkPem(String pem, String agencies, boolean residesInUs) {
        String body = json.writeValueAsString(java.util.Map.of("certificate", pem,
                "agencies", java.util.List.of(agencies.split(",")), "residesInUs", residesInUs));
        return mvc.post().uri("/api/certificate-checks").contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    @Test
    void aMediumCertificateCoversCanesButNotJpasAndSaysWhatToBuyForJpas() {
        assertThat(checkPem(TestCertificates.pem(CERTIFICATES.leaf("1")), "CANES,JPAS", true))
                .hasStatusOk().bodyJson().satisfies(body -> {
                    body.assertThat().extractingPath("$.verdict").isEqualTo("misses");
                    body.assertThat().extractingPath("$.types[0].type").isEqualTo("MEDIUM_ASSURANCE");
                    body.assertThat().extractingPath("$.types[0].rule").isEqualTo("ECA Medium policies mean Medium Assurance");
                    body.assertThat().extractingPath("$.agencies[0].agency").isEqualTo("CANES");
                    body.assertThat().extractingPath("$.agencies[0].verdict").isEqualTo("accepts");
                    body.assertThat().extractingPath("$.agencies[1].verdict").isEqualTo("rejects");
                    body.assertThat().extractingPath("$.agencies[1].why").asString()
                            .contains("JPAS states it does not accept ECA Medium Assurance");
                    body.assertThat().extractingPath("$.agencies[1].rule").asString().isNotBlank();
                    body.assertThat().extractingPath("$.missing").asArray().containsExactly("JPAS");
                    body.assertThat().extractingPath("$.recommendationForMissing.certificateTypes").asArray()
                            .containsExactly("MEDIUM_TOKEN_ASSURANCE");
                    body.assertThat().extractingPath("$.subject").asString().contains("CN=Pat Buyer");
                    body.assertThat().extractingPath("$.renewal.advice").asString().contains("Renewal opens 90 days");
                    body.assertThat().extractingPath("$.issuingCa").isEqualTo(TestCertificates.ISSUING_CA);
                    body.assertThat().extractingPath("$.root").isEqualTo("Test ECA Root");
                    body.assertThat().extractingPath("$.notes[*].text").asArray().anySatisfy(text -> assertThat(text)
                            .asString().contains("did not check whether it has been revoked"));
                });
    }

    @Test
    void aSelfSignedCertificateWithAnEcaPolicyIsNotAnEcaCertificate() {
        assertThat(checkPem(TestCertificates.pem(CERTIFICATES.selfSigned("3")), "CANES,JPAS", true))
                .hasStatusOk().bodyJson().satisfies(body -> {
                    body.assertThat().extractingPath("$.verdict").isEqualTo("not-eca");
                    body.assertThat().extractingPath("$.summary").asString().contains("signed by itself");
                    body.assertThat().extractingPath("$.types").asArray().isEmpty();
                    body.assertThat().doesNotHavePath("$.issuingCa");
                    body.assertThat().doesNotHavePath("$.renewal");
                    body.assertThat().extractingPath("$.agencies[*].verdict").asArray().containsOnly("not-eca");
                    body.assertThat().extractingPath("$.recommendationForMissing.certificateTypes").asArray()
                            .containsExactly("MEDIUM_TOKEN_ASSURANCE");
                });
    }

    @Test
    void aCertificateFromACaOutsideTheTrustStoreIsNotAnEcaCertificate() {
        assertThat(checkPem(TestCertificates.pem(CERTIFICATES.leafOfUnknownCa("3")), "JPAS", true))
                .hasStatusOk().bodyJson().satisfies(body -> {
                    body.assertThat().extractingPath("$.verdict").isEqualTo("not-eca");
                    body.assertThat().extractingPath("$.summary").asString()
                            .contains("it was issued by Test Unknown Root, a CA the wizard's ECA trust store does not hold");
                });
        // Sent with its chain, it still ends at a root the store does not hold.
        assertThat(checkPem(TestCertificates.pem(CERTIFICATES.leafOfUnknownCa("3"), CERTIFICATES.otherRoot), "JPAS",
                true)).hasStatusOk().bodyJson().extractingPath("$.verdict").isEqualTo("not-eca");
    }

    @Test
    void aCertificateWhoseIssuingCaExpiredIsNotAnEcaCertificate() {
        String chain = TestCertificates.pem(CERTIFICATES.leafOfExpiredCa("3"), CERTIFICATES.expiredCa);
        assertThat(checkPem(chain, "JPAS", true)).hasStatusOk().bodyJson().satisfies(body -> {
            body.assertThat().extractingPath("$.verdict").isEqualTo("not-eca");
            body.assertThat().extractingPath("$.summary").asString().contains("its issuing CA's certificate"
                    + " (Test Expired ECA CA) expired on " + CERTIFICATES.expiredCa.getNotAfter().toInstant()
                    .atZone(java.time.ZoneOffset.UTC).toLocalDate());
        });
    }

    @Test
    void aCertificateThatExpiredBeforeItsCaIsAnExpiredEcaCertificate() {
        assertThat(checkPem(TestCertificates.pem(CERTIFICATES.expiredLeafOfExpiredCa("5")), "JPAS", true))
                .hasStatusOk().bodyJson().satisfies(body -> {
                    body.assertThat().extractingPath("$.verdict").isEqualTo("expired");
                    body.assertThat().extractingPath("$.issuingCa").isEqualTo("Test Expired ECA CA");
                    body.assertThat().extractingPath("$.types[0].type").isEqualTo("MEDIUM_TOKEN_ASSURANCE");
                });
    }

    @Test
    void aCertificateIssuedAMomentAgoIsValidWhateverTheClocksSay() {
        // Its issuer's clock ten minutes ahead of the service's.
        var justIssued = CERTIFICATES.leafValidFrom(Instant.now().plus(Duration.ofMinutes(10)), "5");
        assertThat(checkPem(TestCertificates.pem(justIssued), "JPAS", true)).hasStatusOk().bodyJson()
                .extractingPath("$.verdict").isEqualTo("covers");
    }

    @Test
    void onlyThePoliciesValidOnThePathMakeATypeAndThePathMustCarryOne() {
        // anyPolicy names no ECA type: the certificate does not take on every policy of its CA.
        assertThat(checkPem(TestCertificates.pem(CERTIFICATES.leaf(TestCertificates.ANY_POLICY)), "CANES", true))
                .hasStatusOk().bodyJson().satisfies(body -> {
                    body.assertThat().extractingPath("$.verdict").isEqualTo("not-eca");
                    body.assertThat().extractingPath("$.types").asArray().isEmpty();
                });
        // A policy the issuing CA does not issue under: its CA requires an explicit policy, so no path is valid.
        assertThat(checkPem(TestCertificates.pem(CERTIFICATES.leaf("11")), "CANES", true))
                .hasStatusOk().bodyJson().satisfies(body -> {
                    body.assertThat().extractingPath("$.verdict").isEqualTo("not-eca");
                    body.assertThat().extractingPath("$.summary").asString()
                            .contains("none of its certificate policies is one its ECA CA may issue under");
                });
    }

    @Test
    void aCertificateNotYetValidIsNotTakenForOneThatIs() {
        assertThat(checkPem(TestCertificates.pem(CERTIFICATES.leafValidFrom(Instant.now().plus(Duration.ofDays(7)), "5")), "CANES", true))
                .hasStatusOk().bodyJson().satisfies(body -> {
                    body.assertThat().extractingPath("$.verdict").isEqualTo("not-eca");
                    body.assertThat().extractingPath("$.summary").asString().contains("it is not valid before");
                });
    }

    @Test
    void anUploadedCaOutsideTheStoreOnlyNamesWhereThePathLeavesIt() {
        // Uploaded with the leaf, the root the store does not hold puts it on no path; it only names where it leaves.
        String chain = TestCertificates.pem(CERTIFICATES.leafOfUnknownCa("5"), CERTIFICATES.otherRoot);
        assertThat(checkPem(chain, "CANES", true)).hasStatusOk().bodyJson().extractingPath("$.summary").asString()
                .contains("it was issued by Test Unknown Root, a root the wizard's ECA trust store does not hold");
    }

    @Test
    void aCaCertificateIsNotAPersonsCertificate() {
        assertThat(checkPem(TestCertificates.pem(CERTIFICATES.ca), "CANES", true)).hasStatusOk().bodyJson()
                .satisfies(body -> {
                    body.assertThat().extractingPath("$.verdict").isEqualTo("not-eca");
                    body.assertThat().extractingPath("$.summary").asString().contains("certificate of a CA");
                });
    }

    /** A back end embedding the library gets the same check, and plain Jackson writes it as the API sends it. */
    @Test
    void theLibrarysCheckWrittenByPlainJacksonIsWhatTheServiceSends() throws Exception {
        String pem = TestCertificates.pem(CERTIFICATES.leaf("1"));
        String sent = checkPem(pem, "CANES,JPAS", true).getResponse().getContentAsString();
        String embedded = json.writeValueAsString(rulesets.rules().checkCertificate(
                pem.getBytes(StandardCharsets.US_ASCII), List.of("CANES", "JPAS"), true));

        assertThat(json.readTree(embedded)).isEqualTo(json.readTree(sent));
    }

    @Test
    void aMediumTokenCertificateCoversTheSeedExample() {
        assertThat(checkPem(TestCertificates.pem(CERTIFICATES.leaf("3")), "CANES,JPAS", true))
                .hasStatusOk().bodyJson().satisfies(body -> {
                    body.assertThat().extractingPath("$.verdict").isEqualTo("covers");
                    body.assertThat().extractingPath("$.missing").asArray().isEmpty();
                    body.assertThat().doesNotHavePath("$.recommendationForMissing");
                });
    }

    @ParameterizedTest(name = "policy .{0} is {1}")
    @CsvSource({"1, MEDIUM_ASSURANCE", "4, MEDIUM_ASSURANCE", "3, MEDIUM_TOKEN_ASSURANCE", "5, MEDIUM_TOKEN_ASSURANCE",
            "2, MEDIUM_HARDWARE_ASSURANCE", "6, MEDIUM_HARDWARE_ASSURANCE", "10, MEDIUM_HARDWARE_ASSURANCE"})
    void eachEcaPolicyOidMeansItsType(String suffix, String type) {
        assertThat(checkPem(TestCertificates.pem(CERTIFICATES.leaf(suffix)), "NOT_LISTED", true))
                .hasStatusOk().bodyJson().satisfies(body -> {
                    body.assertThat().extractingPath("$.types[0].type").isEqualTo(type);
                    body.assertThat().extractingPath("$.types[0].oid").isEqualTo(TestCertificates.ECA + suffix);
                });
    }

    @Test
    void aCertificateWithoutEcaPoliciesIsNotAnEcaCertificate() {
        assertThat(checkPem(TestCertificates.pem(CERTIFICATES.leaf()), "JPAS", true))
                .hasStatusOk().bodyJson().satisfies(body -> {
                    body.assertThat().extractingPath("$.verdict").isEqualTo("not-eca");
                    body.assertThat().extractingPath("$.recommendationForMissing.certificateTypes").asArray()
                            .containsExactly("MEDIUM_TOKEN_ASSURANCE");
                });
        assertThat(checkPem(TestCertificates.pem(CERTIFICATES.leaf("9")), "JPAS", true))
                .hasStatusOk().bodyJson().satisfies(body -> {
                    body.assertThat().extractingPath("$.verdict").isEqualTo("not-eca");
                    body.assertThat().extractingPath("$.notes[0].text").asString().contains("2.16.840.1.101.3.2.1.12.9");
                });
    }

    @Test
    void anExpiredCertificateCannotBeRenewed() {
        String pem = TestCertificates.pem(CERTIFICATES.leaf(Instant.now().minus(Duration.ofDays(3)), "3"));
        assertThat(checkPem(pem, "JPAS", true)).hasStatusOk().bodyJson().satisfies(body -> {
            body.assertThat().extractingPath("$.verdict").isEqualTo("expired");
            body.assertThat().extractingPath("$.renewal.advice").asString()
                    .contains("IdenTrust does not renew an expired certificate");
            body.assertThat().extractingPath("$.renewal.rule").isEqualTo("An expired IdenTrust certificate cannot be renewed");
        });
    }

    @Test
    void aCertificateExpiringIn30DaysIsInsideTheRenewalWindow() {
        String pem = TestCertificates.pem(CERTIFICATES.leaf(Instant.now().plus(Duration.ofDays(30)).plusSeconds(60), "3"));
        assertThat(checkPem(pem, "JPAS", true)).hasStatusOk().bodyJson().satisfies(body -> {
            body.assertThat().extractingPath("$.verdict").isEqualTo("covers");
            body.assertThat().extractingPath("$.daysLeft").isEqualTo(30);
            body.assertThat().extractingPath("$.renewal.advice").asString()
                    .contains("expires in 30 days", "inside the 90-day renewal window");
        });
    }

    @Test
    void aChainIsCheckedOnItsLeafWhateverItsOrder() {
        String pem = TestCertificates.pem(CERTIFICATES.ca, CERTIFICATES.leaf("3"));
        assertThat(checkPem(pem, "JPAS", true)).hasStatusOk().bodyJson().satisfies(body -> {
            body.assertThat().extractingPath("$.certificatesInFile").isEqualTo(2);
            body.assertThat().extractingPath("$.subject").asString().contains("CN=Pat Buyer");
            body.assertThat().extractingPath("$.verdict").isEqualTo("covers");
        });
    }

    @Test
    void aDerFileUploadIsChecked() throws Exception {
        var file = new MockMultipartFile("certificate", "mine.cer", "application/pkix-cert",
                CERTIFICATES.leaf("2").getEncoded());
        assertThat(mvc.post().uri("/api/certificate-checks").multipart().file(file)
                .param("agencies", "PIEE,DISS").param("residesInUs", "true").exchange())
                .hasStatusOk().bodyJson().satisfies(body -> {
                    body.assertThat().extractingPath("$.types[0].type").isEqualTo("MEDIUM_HARDWARE_ASSURANCE");
                    // Neither DISS's nor PIEE's source names a token type: nothing rejects it, nothing states it.
                    body.assertThat().extractingPath("$.verdict").isEqualTo("unconfirmed");
                    body.assertThat().extractingPath("$.agencies[*].verdict").asArray().containsOnly("unstated");
                    body.assertThat().extractingPath("$.missing").asArray().isEmpty();
                });
    }

    @Test
    void aPrivateKeyIsRefused() {
        String pem = TestCertificates.pem(CERTIFICATES.leaf("3")) + CERTIFICATES.privateKeyPem();
        assertThat(checkPem(pem, "JPAS", true)).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().satisfies(body -> {
                    body.assertThat().extractingPath("$.type").isEqualTo("urn:eca-wizard:problem:private-key");
                    body.assertThat().extractingPath("$.detail").asString().contains("private key");
                });
    }

    @Test
    void garbageAndTruncatedCertificatesAreRefused() {
        String whole = TestCertificates.pem(CERTIFICATES.leaf("3"));
        for (String bad : new String[] {"hello", "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----",
                whole.substring(0, whole.length() / 2) + "\n-----END CERTIFICATE-----"}) {
            assertThat(checkPem(bad, "JPAS", true)).hasStatus(400).bodyJson()
                    .extractingPath("$.type").isEqualTo("urn:eca-wizard:problem:unreadable-certificate");
        }
    }

    @Test
    void aMissingCertificateOrSelectionIsAProblem() {
        assertThat(mvc.post().uri("/api/certificate-checks").contentType(MediaType.APPLICATION_JSON)
                .content("{\"agencies\": [\"JPAS\"]}").exchange()).hasStatus(400).bodyJson()
                .extractingPath("$.type").isEqualTo("urn:eca-wizard:problem:missing-certificate");
        assertThat(checkPem(TestCertificates.pem(CERTIFICATES.leaf("3")), "JPSA", true)).hasStatus(400).bodyJson()
                .extractingPath("$.detail").asString().contains("did you mean JPAS?");
    }
}

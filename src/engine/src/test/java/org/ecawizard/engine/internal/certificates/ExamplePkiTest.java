package org.ecawizard.engine.internal.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.ecawizard.engine.CertificateCheck;
import org.ecawizard.engine.Conclusion;
import org.ecawizard.engine.EcaRules;
import org.ecawizard.engine.internal.ruleset.ShippedRules;
import org.ecawizard.facts.HeldVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's try-it of the certificate check, as it is written: a copy of the rules with the test PKI of
 * {@code examples/test-pki} added to its trust store answers what the README shows; the shipped rules alone do not
 * take the test PKI's certificate for an ECA one.
 */
class ExamplePkiTest {

    private static final Path EXAMPLE = Path.of("examples", "test-pki");
    private static final List<String> CANES_JPAS = List.of("CANES", "JPAS");

    @TempDir
    Path rules;

    @Test
    void theReadmeShowsTheseCommands() throws IOException {
        assertThat(Files.readString(Path.of("rules/README.md"))).contains("""
                cp -r rules /tmp/try-rules && cp examples/test-pki/trust/*.pem /tmp/try-rules/trust/ \\
                  && cat examples/test-pki/trust-rows.md >> /tmp/try-rules/sources/SOURCES.md
                java -jar src/service/target/eca-wizard.jar --eca.rules.dir=/tmp/try-rules &
                curl -s localhost:8080/api/certificate-checks -F certificate=@examples/test-pki/medium-token.pem\
                 -F agencies=CANES,JPAS""",
                "-F certificate=@examples/test-pki/self-signed-medium-token.pem -F agencies=CANES,JPAS",
                "\"verdict\": \"covers\"", "\"issuingCa\": \"Test ECA Issuing CA\"", "\"root\": \"Test ECA Root\"",
                "\"summary\": \"This is not an ECA certificate: it is signed by itself, not by an ECA CA.");
    }

    @Test
    void theTestPkisCertificateIsAnEcaMediumTokenCertificateOnTheCopyWithItsRoot() throws IOException {
        ShippedRules.copyTree(ShippedRules.DIR, rules);
        try (var pems = Files.newDirectoryStream(EXAMPLE.resolve("trust"), "*.pem")) {
            for (Path pem : pems) {
                Files.copy(pem, rules.resolve("trust").resolve(pem.getFileName()));
            }
        }
        Files.writeString(rules.resolve("sources/SOURCES.md"), Files.readString(EXAMPLE.resolve("trust-rows.md")),
                StandardOpenOption.APPEND);

        try (EcaRules copy = EcaRules.load(rules)) {
            CertificateCheck check = copy.checkCertificate(read("medium-token.pem"), CANES_JPAS, true);
            assertThat(check.verdict()).isEqualTo("covers");
            assertThat(check.issuingCa()).isEqualTo("Test ECA Issuing CA");
            assertThat(check.root()).isEqualTo("Test ECA Root");
            assertThat(check.types()).extracting(type -> type.fact().type()).containsExactly("MEDIUM_TOKEN_ASSURANCE");
            assertThat(check.renewal()).isNull();

            CertificateCheck selfSigned = copy.checkCertificate(read("self-signed-medium-token.pem"), CANES_JPAS, true);
            assertThat(selfSigned.verdict()).isEqualTo("not-eca");
            assertThat(selfSigned.summary()).startsWith("This is not an ECA certificate: it is signed by itself");
        }
    }

    @Test
    void theShippedRulesTakeNeitherForAnEcaCertificate() throws IOException {
        try (EcaRules shipped = EcaRules.load(ShippedRules.DIR)) {
            for (String file : List.of("medium-token.pem", "self-signed-medium-token.pem")) {
                CertificateCheck check = shipped.checkCertificate(read(file), CANES_JPAS, true);
                assertThat(check.verdict()).as(file).isEqualTo("not-eca");
                assertThat(check.agencies()).extracting(Conclusion::fact).extracting(HeldVerdict::verdict)
                        .containsOnly("not-eca");
            }
            assertThat(shipped.checkCertificate(read("medium-token.pem"), CANES_JPAS, true).summary())
                    .contains("it was issued by Test ECA Issuing CA, a CA the wizard's ECA trust store does not hold");
        }
    }

    private static byte[] read(String file) throws IOException {
        return Files.readAllBytes(EXAMPLE.resolve(file));
    }
}

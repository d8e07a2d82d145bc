package org.ecawizard.engine.internal.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.ecawizard.engine.InvalidRulesetException;
import org.ecawizard.engine.RuleProblem;
import org.ecawizard.engine.internal.certificates.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trust store beside the rules: the shipped one holds exactly the ECA CAs its sources list, chained among
 * themselves; a file that is not what its row says, or no CA certificate, is refused at its file and line.
 */
class TrustFilesTest {

    private static final String S23 = "trust/IdenTrust_ECA_S23.pem";

    @TempDir
    Path rules;

    private final RulesetCompiler compiler = new RulesetCompiler(1000, Clock.systemUTC());

    private List<String> problems() {
        InvalidRulesetException refused = catchThrowableOfType(InvalidRulesetException.class,
                () -> compiler.compile(RuleSource.fromDirectory(rules)).dispose());
        assertThat(refused).as("the trust store is refused").isNotNull();
        return refused.problems().stream().map(RuleProblem::toString).toList();
    }

    /** The rows of the shipped sheet's trust store table, cell by cell. */
    private static List<List<String>> rows() throws IOException {
        List<String> lines = Files.readAllLines(ShippedRules.DIR.resolve("sources/SOURCES.md"));
        int header = lines.indexOf(TrustFiles.TABLE_HEADER);
        assertThat(header).isPositive();
        return lines.subList(header + 2, lines.size()).stream().takeWhile(line -> line.startsWith("|"))
                .map(line -> Arrays.stream(line.substring(1).split("\\|")).map(String::strip).toList()).toList();
    }

    @Test
    void theShippedStoreHoldsExactlyTheEcaCasOfItsSourceEachSignedWithinIt() throws Exception {
        Ruleset shipped = ShippedRules.ruleset();
        TrustStore store = shipped.trustStore();
        List<String> names = store.certificates().stream().map(TrustStore::commonName).toList();

        assertThat(names).containsExactlyInAnyOrder("ECA Root CA 4", "ECA Root CA 5", "IdenTrust ECA S22",
                "IdenTrust ECA S22C", "IdenTrust ECA S23",
                "IdenTrust ECA Component S23", "IdenTrust ECA S24", "IdenTrust ECA Component S24", "WidePoint ECA 8",
                "WidePoint ECA 9");
        assertThat(rows()).extracting(row -> row.get(1)).containsExactlyInAnyOrderElementsOf(names);
        assertThat(store.roots()).extracting(TrustStore::commonName)
                .containsExactlyInAnyOrder("ECA Root CA 4", "ECA Root CA 5");
        for (X509Certificate ca : store.certificates()) {
            X509Certificate issuer = store.certificates().stream()
                    .filter(other -> other.getSubjectX500Principal().equals(ca.getIssuerX500Principal()))
                    .findFirst().orElseThrow();
            ca.verify(issuer.getPublicKey());
            assertThat(ca.getBasicConstraints()).as(TrustStore.commonName(ca)).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void aTamperedCertificateIsRefusedAtItsFile() throws IOException {
        ShippedRules.copyTo(rules);
        // Another real CA's certificate under S23's name: a valid certificate, but not the one the row lists.
        Files.copy(rules.resolve("trust/WidePoint_ECA_9.pem"), rules.resolve(S23),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThat(problems()).anySatisfy(problem -> assertThat(problem)
                .startsWith(rules + "/" + S23 + ":1:")
                .contains("SHA-256 fingerprint is 7AFB65BF", "not the 13564E34", "sources/SOURCES.md:"));
    }

    @Test
    void aCertificateWithAChangedByteIsRefused() throws IOException {
        ShippedRules.copyTo(rules);
        Path file = rules.resolve(S23);
        List<String> lines = Files.readAllLines(file);
        String line = lines.get(5);
        char changed = line.charAt(10) == 'A' ? 'B' : 'A';
        lines.set(5, line.substring(0, 10) + changed + line.substring(11));
        Files.write(file, lines);

        assertThat(problems()).anySatisfy(problem -> assertThat(problem).startsWith(rules + "/" + S23 + ":1:"));
    }

    @Test
    void aPersonsCertificateIsNoCaForTheStore() throws IOException {
        ShippedRules.copyTo(rules);
        Files.writeString(rules.resolve("trust/Pat_Buyer.pem"), TestCertificates.pem(TestCertificates.PKI.leaf("3")));

        assertThat(problems()).anySatisfy(problem -> assertThat(problem)
                .startsWith(rules + "/trust/Pat_Buyer.pem:1:").contains("not a CA certificate"));
    }

    @Test
    void aFileNoRowListsAndARowWithoutItsFileAreRefused() throws IOException {
        ShippedRules.copyTo(rules);
        Files.writeString(rules.resolve("trust/Test_Root.pem"), TestCertificates.pem(TestCertificates.PKI.ca));
        Files.delete(rules.resolve("trust/WidePoint_ECA_8.pem"));

        assertThat(problems()).anySatisfy(problem -> assertThat(problem)
                        .startsWith(rules + "/trust/Test_Root.pem:1:").contains("is not listed in the trust store table"))
                .anySatisfy(problem -> assertThat(problem).contains("sources/SOURCES.md:")
                        .contains("lists trust/WidePoint_ECA_8.pem, which is not there"));
    }

    @Test
    void anIssuingCaWithoutItsRootIsRefused() throws IOException {
        ShippedRules.copyTo(rules);
        Files.delete(rules.resolve("trust/ECA_Root_CA_4.pem"));
        String sheet = Files.readString(rules.resolve("sources/SOURCES.md"));
        Files.writeString(rules.resolve("sources/SOURCES.md"), sheet.lines()
                .filter(line -> !line.startsWith("| ECA_Root_CA_4.pem")).reduce("", (a, b) -> a + b + "\n"));

        assertThat(problems()).anySatisfy(problem -> assertThat(problem).startsWith(rules + "/" + S23 + ":1:")
                .contains("no CA of the trust store signed this certificate: add its issuer, ECA Root CA 4"));
    }

    @Test
    void textBesideTheCertificateAndASecondRowAreRefused() throws IOException {
        ShippedRules.copyTo(rules);
        Path s23 = rules.resolve(S23);
        Files.writeString(s23, "IdenTrust's current CA\n" + Files.readString(s23));
        String sheet = Files.readString(rules.resolve("sources/SOURCES.md"));
        String row = sheet.lines().filter(line -> line.startsWith("| WidePoint_ECA_9.pem")).findFirst().orElseThrow();
        Files.writeString(rules.resolve("sources/SOURCES.md"), sheet.replace(row, row + "\n" + row));

        assertThat(problems()).anySatisfy(problem -> assertThat(problem).startsWith(rules + "/" + S23 + ":1:")
                        .contains("nothing else"))
                .anySatisfy(problem -> assertThat(problem).contains("a second row for WidePoint_ECA_9.pem"));
    }

    @Test
    void aRulesetOfApplicationsWithoutItsTrustStoreIsNotWhole() throws IOException {
        ShippedRules.copyTo(rules);
        ShippedRules.deleteTree(rules.resolve("trust"));

        assertThat(problems()).anySatisfy(problem -> assertThat(problem).startsWith(rules + "/trust/:0:")
                .contains("there is no trust store"));
    }
}

package org.ecawizard.engine.internal.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import org.ecawizard.engine.Choice;
import org.ecawizard.engine.internal.recommendation.Recommender;
import org.ecawizard.engine.internal.ruleset.RuleSource;
import org.ecawizard.engine.internal.ruleset.ShippedRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gate that takes the earlier report's answers where an edit cannot change them reports what a gate that answers
 * everything again reports: the same answers (naming the new version), errors and warnings.
 */
class RulesetGateTest {

    private static final String EMC2_ACCEPTS_ANY = "Evidence.that(\"EMC2\").acceptsEca()";
    private static final String EMC2_TOKEN_ONLY = "Evidence.that(\"EMC2\").accepts(\"MEDIUM_TOKEN_ASSURANCE\")";

    private final RulesetGate gate = new RulesetGate(1000, Clock.systemUTC(), new Recommender());
    @TempDir
    Path dir;
    private GateReport earlier;

    @BeforeEach
    void gateTheShippedRules() throws IOException {
        ShippedRules.copyToChangeEmc2(dir);
        earlier = gate.inspect(RuleSource.fromDirectory(dir));
        assertThat(earlier.passed()).as("%s", earlier.errors()).isTrue();
        assertThat(earlier.reused()).isZero();
    }

    @AfterEach
    void dispose() {
        earlier.ruleset().dispose();
    }

    @Test
    void anEditedAgencyFileIsAnsweredAgainAndEveryOtherSelectionIsTakenAsItWas() throws IOException {
        Path emc2 = dir.resolve("agencies/EMC2.drl");
        Files.writeString(emc2, Files.readString(emc2).replace(EMC2_ACCEPTS_ANY, EMC2_TOKEN_ONLY));

        GateReport taken = sameAsAFullGate();

        // Every agency alone and every pair without EMC2, both residency answers: the others are answered again.
        int others = earlier.ruleset().catalog().size() - 1;
        assertThat(taken.reused()).isEqualTo(2 * (others + others * (others - 1) / 2));
        assertThat(taken.answers().get(new Choice(List.of("EMC2"), true))
                .certificateTypes()).containsExactly("MEDIUM_TOKEN_ASSURANCE");
    }

    @Test
    void aScenarioOrSourcesEditTakesEveryAnswerButTheScenarios() throws IOException {
        Files.writeString(dir.resolve("sources/SOURCES.md"), "\n", StandardOpenOption.APPEND);
        Files.writeString(dir.resolve("scenarios/seed-example.yaml"), """

                - name: JPAS alone is offered Medium Token
                  agencies: [JPAS]
                  expect:
                    certificateTypes: [MEDIUM_TOKEN_ASSURANCE]
                """, StandardOpenOption.APPEND);

        GateReport taken = sameAsAFullGate();

        int agencies = earlier.ruleset().catalog().size();
        assertThat(taken.reused()).isEqualTo(2 * (agencies + agencies * (agencies - 1) / 2));
    }

    @Test
    void anEditedWizardFileOrANewAgencyFileTakesNothing() throws IOException {
        Files.writeString(dir.resolve("wizard/products.drl"), "\n// an edit that changes no answer\n",
                StandardOpenOption.APPEND);
        assertThat(sameAsAFullGate().reused()).isZero();

        Files.copy(ShippedRules.DIR.resolve("wizard/products.drl"), dir.resolve("wizard/products.drl"),
                StandardCopyOption.REPLACE_EXISTING);
        // A new file shifts the order the rules load in: nothing is taken.
        Files.writeString(dir.resolve("agencies/ACME.drl"), """
                package agencies;

                import org.ecawizard.facts.*;

                rule "ACME: Medium is accepted"
                    @title("ACME Portal") @status("confirmed") @source("https://example.org/test")
                when
                    Selection(agency == "ACME")
                then
                    insert(Evidence.that("ACME").accepts("MEDIUM_ASSURANCE").stated("a test page says so")
                        .source("https://example.org/test"));
                end
                """);
        assertThat(sameAsAFullGate().reused()).isZero();
    }

    @Test
    void rulesThatConcludeNoCertificateVerdictAreRefusedOnceForEachAgencyInTheCatalogsOrder() throws IOException {
        Path check = dir.resolve("wizard/certificate-check.drl");
        Files.writeString(check, Files.readString(check).replace("insert(new CheckVerdict(",
                "if (false) insert(new CheckVerdict("));

        GateReport report = gate.inspect(RuleSource.fromDirectory(dir));
        try {
            assertThat(report.errors()).filteredOn(problem -> problem.code().equals("no-verdict"))
                    .extracting(problem -> problem.message())
                    .containsExactlyElementsOf(report.ruleset().catalog().all().stream().map(agency ->
                            "checking a certificate for " + agency.code() + " concludes no CheckVerdict: the"
                            + " certificate check could not answer").toList());
        } finally {
            report.ruleset().dispose();
        }
    }

    /** Gates the edited files twice, taking from the earlier report and not; they must report the same. */
    private GateReport sameAsAFullGate() throws IOException {
        RuleSource edited = RuleSource.fromDirectory(dir);
        GateReport taken = gate.inspect(edited, earlier);
        GateReport full = gate.inspect(edited);
        try {
            assertThat(taken.passed()).as("%s", taken.errors()).isTrue();
            assertThat(taken.version()).isEqualTo(edited.version());
            assertThat(taken.answers()).isEqualTo(full.answers());
            assertThat(taken.ruleset().catalog().all()).isEqualTo(full.ruleset().catalog().all());
            assertThat(taken.errors()).isEqualTo(full.errors());
            assertThat(taken.warnings()).isEqualTo(full.warnings());
            assertThat(full.reused()).isZero();
            return taken;
        } finally {
            taken.ruleset().dispose();
            full.ruleset().dispose();
        }
    }
}

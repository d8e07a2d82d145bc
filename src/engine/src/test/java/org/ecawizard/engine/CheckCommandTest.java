package org.ecawizard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecawizard.engine.internal.ruleset.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analysts' check command: its output lines and exit codes. */
class CheckCommandTest {

    @TempDir
    Path work;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private int check(String... args) {
        return CheckCommand.run(List.of(args), new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private List<String> lines() {
        return printed.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void theShippedRulesPass() {
        assertThat(check("--rules", ShippedRules.DIR.toString())).isZero();

        assertThat(lines()).last().asString()
                .startsWith("check: OK: ruleset ")
                .contains("24 agencies", "scenarios passed; 0 error(s)");
        assertThat(lines()).filteredOn(line -> line.contains(": warning: "))
                .allSatisfy(line -> assertThat(line).matches("rules/wizard/[\\w-]+\\.drl:\\d+:0: warning: rule \".+\" fires for no"
                        + " selection .*|rules/agencies/\\w+\\.drl:\\d+:0: warning: the source of \\w+ is dated .*"));
    }

    /** A copy of the shipped rules with one replacement made in one file. */
    private Path shippedRulesWith(String file, String from, String to) throws IOException {
        Path rules = work.resolve("rules");
        ShippedRules.copyTo(rules);
        Path edited = rules.resolve(file);
        String content = Files.readString(edited);
        assertThat(content).contains(from);
        Files.writeString(edited, content.replace(from, to));
        return rules;
    }

    @Test
    void brokenRulesFailWithLinesAnEditorCanJumpTo() throws IOException {
        Path rules = shippedRulesWith("agencies/JPAS.drl", "Selection(agency == \"JPAS\")", "Selection(agency == \"JPAS\"");

        assertThat(check("--rules", rules.toString())).isEqualTo(1);

        assertThat(lines()).anyMatch(line -> line.matches(
                java.util.regex.Pattern.quote(rules + "/agencies/JPAS.drl") + ":\\d+:\\d+: error: .*"));
        assertThat(lines()).last().asString().startsWith("check: FAILED").contains("error(s)")
                .contains("scenarios not run").doesNotContain("scenarios passed");
    }

    @Test
    void aFailingScenarioFailsTheCheck() throws IOException {
        Path rules = shippedRulesWith("agencies/JPAS.drl", ".acceptsOnly(\"MEDIUM_TOKEN_ASSURANCE\")",
                ".accepts(\"MEDIUM_ASSURANCE\")");

        assertThat(check("--rules", rules.toString())).isEqualTo(1);

        assertThat(lines()).anyMatch(line -> line.startsWith(rules + "/scenarios/seed-example.yaml:5:0: error: "
                + "scenario 'CANES and JPAS are offered Medium Token only' failed: certificateTypes: expected"));
    }

    @Test
    void anImpactRunListsEverySelectionWhoseAnswerChanges() throws IOException {
        // Say that SPAWAR's source also states Medium Token.
        Path rules = shippedRulesWith("agencies/SPAWAR.drl", "    insert(Evidence.that(\"SPAWAR\")",
                "    insert(Evidence.that(\"SPAWAR\").accepts(\"MEDIUM_TOKEN_ASSURANCE\").stated(\"as a test page says\")"
                        + ".source(\"https://example.org/test\"));\n"
                        + "    insert(Evidence.that(\"SPAWAR\")");
        // The shipped scenario no longer holds once SPAWAR states Medium Token: say what now holds.
        Files.writeString(rules.resolve("scenarios/evidence.yaml"), """
                - name: SPAWAR and Integrate now both state Medium Token
                  agencies: [SPAWAR, INTEGRATE]
                  expect:
                    certificateTypes: [MEDIUM_TOKEN_ASSURANCE]
                """);

        assertThat(check("--rules", rules.toString(), "--against", ShippedRules.DIR.toString())).isZero();

        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("impact: ").contains("against rules");
        assertThat(out).contains("""
                  INTEGRATE + SPAWAR
                    headline: Buy one ECA Medium Token Assurance certificate once SPAWAR confirms that it accepts it.
                           -> Buy one ECA Medium Token Assurance certificate.
                    answer: possible MEDIUM_ASSURANCE (unstated for INTEGRATE), MEDIUM_TOKEN_ASSURANCE (unstated for SPAWAR), \
                MEDIUM_HARDWARE_ASSURANCE (unstated for INTEGRATE, SPAWAR); buy MEDIUM_TOKEN_ASSURANCE
                         -> sure MEDIUM_TOKEN_ASSURANCE; buy MEDIUM_TOKEN_ASSURANCE
                """);
        assertThat(out).contains("""
                  SPAWAR
                    answer: sure MEDIUM_ASSURANCE; buy MEDIUM_ASSURANCE
                         -> sure MEDIUM_ASSURANCE, MEDIUM_TOKEN_ASSURANCE; buy MEDIUM_ASSURANCE
                """);
        assertThat(out).doesNotContain("  CANES + JPAS\n");
    }

    /** The certificate check reads a verdict off the rules: rules that conclude none cannot go live. */
    @Test
    void rulesThatGiveAHeldCertificateNoVerdictFail() throws IOException {
        Path rules = work.resolve("rules");
        ShippedRules.copyTo(rules);
        Files.delete(rules.resolve("wizard/certificate-check.drl"));
        Files.delete(rules.resolve("scenarios/certificates.yaml"));

        assertThat(check("--rules", rules.toString())).isEqualTo(1);

        assertThat(lines()).anyMatch(line -> line.contains(": error: checking a certificate for CANES concludes no"
                + " CheckVerdict: the certificate check could not answer"));
    }

    @Test
    void aReplayAnswersLoggedDecisionsAgainAndListsTheOnesThatChange() throws IOException {
        Path log = work.resolve("decisions.log");
        Files.writeString(log, String.join("\n",
                "2026-11-25T12:00:00Z  INFO 1 --- [eca-wizard] [nio-8080-exec-1] eca.decisions : "
                        + "{\"at\":\"2026-11-25T12:00:00Z\",\"requestId\":\"r1\",\"agencies\":[\"CANES\",\"JPAS\"],"
                        + "\"residesInUs\":true,\"certificateTypes\":[\"MEDIUM_TOKEN_ASSURANCE\"],\"coveringSet\":[],"
                        + "\"rulesetVersion\":\"aaaaaaaaaaaa\"}",
                "{\"at\":\"2026-11-25T12:00:01Z\",\"requestId\":\"r2\",\"agencies\":[\"DIBCS\"],\"residesInUs\":false,"
                        + "\"certificateTypes\":[\"MEDIUM_TOKEN_ASSURANCE\"],\"coveringSet\":[],\"rulesetVersion\":\"aaaaaaaaaaaa\"}",
                "{\"at\":\"2026-11-25T12:00:02Z\",\"requestId\":\"r3\",\"agencies\":[\"JPAS\",\"DIBCS\"],\"residesInUs\":true,"
                        + "\"certificateTypes\":[],\"coveringSet\":[\"MEDIUM_ASSURANCE\",\"MEDIUM_TOKEN_ASSURANCE\"],"
                        + "\"rulesetVersion\":\"aaaaaaaaaaaa\"}",
                "{\"at\":\"2026-11-25T12:00:03Z\",\"requestId\":\"r4\",\"agencies\":[\"CANES\",\"JPAS\"],\"residesInUs\":true,"
                        + "\"certificateTypes\":[\"MEDIUM_TOKEN_ASSURANCE\"],\"purchase\":[\"MEDIUM_TOKEN_ASSURANCE\"],"
                        + "\"rulesetVersion\":\"bbbbbbbbbbbb\"}",
                "{\"at\":\"2026-11-25T12:00:04Z\",\"requestId\":\"r5\",\"agencies\":[\"CANES\"],\"residesInUs\":true,"
                        + "\"certificateTypes\":[\"MEDIUM_ASSURANCE\",\"MEDIUM_TOKEN_ASSURANCE\"],"
                        + "\"purchase\":[\"MEDIUM_TOKEN_ASSURANCE\"],\"rulesetVersion\":\"bbbbbbbbbbbb\"}",
                "a line that is no decision {not json"));

        assertThat(check("--rules", ShippedRules.DIR.toString(), "--replay", log.toString())).isZero();

        String out = printed.toString(StandardCharsets.UTF_8);
        // Lines logged before the purchase was logged are compared on their sure types.
        assertThat(out).contains("  r2: DIBCS (outside the U.S.)\n    sure MEDIUM_TOKEN_ASSURANCE (ruleset aaaaaaaaaaaa)\n"
                + " -> no sure type\n");
        assertThat(out).contains("  r3: JPAS + DIBCS\n    no sure type (ruleset aaaaaaaaaaaa)\n"
                + " -> sure MEDIUM_TOKEN_ASSURANCE\n");
        assertThat(out).contains("  r5: CANES\n    sure MEDIUM_ASSURANCE, MEDIUM_TOKEN_ASSURANCE; buy MEDIUM_TOKEN_ASSURANCE"
                + " (ruleset bbbbbbbbbbbb)\n -> sure MEDIUM_ASSURANCE, MEDIUM_TOKEN_ASSURANCE; buy MEDIUM_ASSURANCE\n");
        assertThat(out).doesNotContain("  r1:").doesNotContain("  r4:");
        assertThat(out).contains("replay: 3 of 5 logged decisions answer differently with ruleset",
                "1 lines were not decisions");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(check("--rules")).isEqualTo(2);
        assertThat(check("--frobnicate")).isEqualTo(2);
        assertThat(check("--rules", work.resolve("absent").toString())).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains(CheckOptions.USAGE);
    }
}

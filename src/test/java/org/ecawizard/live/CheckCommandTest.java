package org.ecawizard.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecawizard.ruleset.ShippedRules;
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
                .contains("13 agencies", "scenarios passed; 0 error(s)");
        assertThat(lines()).filteredOn(line -> line.contains(": warning: "))
                .allSatisfy(line -> assertThat(line).matches("rules/wizard/\\w+\\.drl:\\d+:0: warning: rule \".+\" fires for no selection .*"));
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
        assertThat(lines()).last().asString().startsWith("check: FAILED").contains("error(s)");
    }

    @Test
    void aFailingScenarioFailsTheCheck() throws IOException {
        Path rules = shippedRulesWith("agencies/JPAS.drl", "\"MEDIUM_TOKEN_ASSURANCE\"", "\"MEDIUM_ASSURANCE\"");

        assertThat(check("--rules", rules.toString())).isEqualTo(1);

        assertThat(lines()).anyMatch(line -> line.startsWith(rules + "/scenarios/seed-example.yaml:4:0: error: "
                + "scenario 'CANES and JPAS are offered Medium Token only' failed: certificateTypes: expected"));
    }

    @Test
    void anImpactRunListsEverySelectionWhoseAnswerChanges() throws IOException {
        Path rules = shippedRulesWith("agencies/DIBCS.drl",
                "    insert(new Acceptance(\"DIBCS\", \"MEDIUM_ASSURANCE\"));",
                "    insert(new Acceptance(\"DIBCS\", \"MEDIUM_ASSURANCE\"));\n"
                        + "    insert(new Acceptance(\"DIBCS\", \"MEDIUM_TOKEN_ASSURANCE\"));");
        // The shipped conflict scenarios no longer hold once DIBCS takes Medium Token: say what now holds.
        Path conflicts = rules.resolve("scenarios/conflicts.yaml");
        Files.writeString(conflicts, """
                - name: JPAS and DIBCS now share Medium Token
                  agencies: [JPAS, DIBCS]
                  expect:
                    certificateTypes: [MEDIUM_TOKEN_ASSURANCE]
                """);

        assertThat(check("--rules", rules.toString(), "--against", ShippedRules.DIR.toString())).isZero();

        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("impact: ").contains("against rules");
        assertThat(out).contains("""
                  DIBCS + JPAS
                    answer: conflict between DIBCS, JPAS; buy MEDIUM_ASSURANCE + MEDIUM_TOKEN_ASSURANCE
                         -> offers MEDIUM_TOKEN_ASSURANCE
                """);
        assertThat(out).contains("""
                  DIBCS
                    answer: offers MEDIUM_ASSURANCE
                         -> offers MEDIUM_ASSURANCE, MEDIUM_TOKEN_ASSURANCE
                """);
        assertThat(out).doesNotContain("  CANES + JPAS\n");
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
                "a line that is no decision {not json"));

        assertThat(check("--rules", ShippedRules.DIR.toString(), "--replay", log.toString())).isZero();

        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("  r2: DIBCS (outside the U.S.)\n    offers MEDIUM_TOKEN_ASSURANCE (ruleset aaaaaaaaaaaa)\n"
                + " -> offers MEDIUM_ASSURANCE");
        assertThat(out).doesNotContain("  r1:").doesNotContain("  r3:");
        assertThat(out).contains("replay: 1 of 3 logged decisions answer differently with ruleset",
                "1 lines were not decisions");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(check("--rules")).isEqualTo(2);
        assertThat(check("--frobnicate")).isEqualTo(2);
        assertThat(check("--rules", work.resolve("absent").toString())).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains(CheckCommand.USAGE);
    }
}

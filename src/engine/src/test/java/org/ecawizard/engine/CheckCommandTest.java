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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The analysts' check command: its output lines and exit codes. */
class CheckCommandTest {

    @TempDir
    Path work;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    /** Where usage errors go: never into the report. */
    private final ByteArrayOutputStream said = new ByteArrayOutputStream();

    private int check(String... args) {
        return CheckCommand.run(List.of(args), new PrintStream(printed, true, StandardCharsets.UTF_8),
                new PrintStream(said, true, StandardCharsets.UTF_8));
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
    void sarifGivesEachProblemItsKindLevelFileLineAndColumn() throws IOException {
        Path rules = shippedRulesWith("agencies/JPAS.drl", "Selection(agency == \"JPAS\")",
                "Selection(agency == \"JPAS\"");

        assertThat(check("--rules", rules.toString(), "--format", "sarif")).isEqualTo(1);

        JsonNode sarif = JsonMapper.builder().build().readTree(printed.toString(StandardCharsets.UTF_8));
        assertThat(sarif.path("version").asString()).isEqualTo("2.1.0");
        JsonNode run = sarif.path("runs").get(0);
        assertThat(run.path("tool").path("driver").path("version").asString()).isEqualTo(CheckCommand.VERSION);
        JsonNode result = run.path("results").get(0);
        assertThat(result.path("ruleId").asString()).isEqualTo("drl");
        assertThat(result.path("level").asString()).isEqualTo("error");
        JsonNode where = result.path("locations").get(0).path("physicalLocation");
        // Outside the directory the check ran in, a file is named by its absolute URI; within it, relatively
        // (RulesRepositoryTemplateIT: agencies/JPAS.drl).
        assertThat(where.path("artifactLocation").path("uri").asString()).startsWith("file:///")
                .endsWith("/rules/agencies/JPAS.drl");
        assertThat(where.path("region").path("startLine").asInt()).isPositive();
        assertThat(run.path("tool").path("driver").path("rules").findValuesAsString("id")).contains("drl");
    }

    @Test
    void markdownSaysWhatAChangeDoesForBuyersAndWhichRulesDecided() throws IOException {
        Path rules = shippedRulesWith("agencies/JPAS.drl", ".acceptsOnly(\"MEDIUM_TOKEN_ASSURANCE\")",
                ".acceptsOnly(\"MEDIUM_HARDWARE_ASSURANCE\")");

        assertThat(check("--rules", rules.toString(), "--against", ShippedRules.DIR.toString(), "--format",
                "markdown")).isEqualTo(1);

        String markdown = printed.toString(StandardCharsets.UTF_8);
        assertThat(markdown).startsWith("### eca-wizard check: FAILED\n").contains("#### Errors (")
                .contains("(scenario-failed)").contains("#### What this change does for buyers")
                .contains("selections answer differently than with `rules`");
        assertThat(markdown).contains("**CANES + JPAS** now: ")
                .contains("| answer | sure MEDIUM\\_TOKEN\\_ASSURANCE; buy MEDIUM\\_TOKEN\\_ASSURANCE |")
                .containsPattern("Decided by: \"JPAS: only Medium Token is accepted, and JPAS is retired\" \\("
                        + java.util.regex.Pattern.quote(rules.toString()) + "/agencies/JPAS\\.drl:\\d+\\)");
        assertThat(markdown).contains("#### Coverage").containsPattern("\\d+ of \\d+ rules fire in a scenario");
    }

    @Test
    void markdownStaysUnderItsLimitAndCountsWhatItLeftOut() throws IOException {
        Path rules = shippedRulesWith("agencies/JPAS.drl", ".acceptsOnly(\"MEDIUM_TOKEN_ASSURANCE\")",
                ".acceptsOnly(\"MEDIUM_HARDWARE_ASSURANCE\")");

        check("--rules", rules.toString(), "--against", ShippedRules.DIR.toString(), "--format", "markdown",
                "--limit", "5000");

        String markdown = printed.toString(StandardCharsets.UTF_8);
        assertThat(markdown.length()).isLessThanOrEqualTo(5000);
        assertThat(markdown).containsPattern("_\\d+ more left out to keep this comment under 5000 characters");
    }

    @Test
    void coverageNamesTheAgenciesNoScenarioSelectsAndTheGateCanRequireOne() throws IOException {
        Path rules = work.resolve("rules");
        ShippedRules.copyTo(rules);
        try (var scenarios = Files.list(rules.resolve("scenarios"))) {
            for (Path file : scenarios.toList()) {
                Files.writeString(file, "[]\n");
            }
        }
        List<String> withoutScenario = new java.util.ArrayList<>();

        assertThat(check("--rules", rules.toString())).isZero();
        String coverage = lines().stream().filter(line -> line.startsWith("coverage: ")).findFirst().orElseThrow();
        assertThat(coverage).matches("coverage: \\d+ of \\d+ rules fire in a scenario; no scenario selects .*");
        withoutScenario.addAll(List.of(coverage.substring(coverage.indexOf("selects ") + 8).split(", ")));
        assertThat(withoutScenario).isNotEmpty();

        printed.reset();
        assertThat(check("--rules", rules.toString(), "--require-scenarios")).isEqualTo(1);
        assertThat(lines()).filteredOn(line -> line.contains(": error: no scenario selects "))
                .hasSize(withoutScenario.size())
                .allSatisfy(line -> assertThat(line).startsWith(rules + "/agencies/"));
    }

    @Test
    void theVersionIsTheBuildsAndBadOptionsSayWhy() {
        assertThat(check("--version")).isZero();
        assertThat(lines()).containsExactly("eca-wizard check " + CheckCommand.VERSION);
        assertThat(CheckCommand.VERSION).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(check("--format", "html")).isEqualTo(2);
        assertThat(check("--limit", "500")).isEqualTo(2);
        assertThat(said.toString(StandardCharsets.UTF_8)).contains("--format is text, sarif or markdown, not html",
                "--limit needs a whole number of at least 2000, not 500");
    }

    @Test
    void aPageGivenTwoDatesFailsWhereTheSecondIsWritten() throws IOException {
        Path rules = shippedRulesWith("agencies/CANES.drl", "    @status(\"confirmed\")\n",
                "    @status(\"confirmed\")\n    @sourceDate(\"2025-06-01\")\n");
        Path jpas = rules.resolve("agencies/JPAS.drl");
        Files.writeString(jpas, Files.readString(jpas).replace("    @status(\"confirmed\")\n",
                "    @status(\"confirmed\")\n    @sourceDate(\"2025-07-01\")\n"));

        assertThat(check("--rules", rules.toString())).isEqualTo(1);

        assertThat(lines()).anyMatch(line -> line.matches(java.util.regex.Pattern.quote(jpas.toString())
                + ":\\d+:0: error: @sourceDate\\(\"2025-07-01\"\\) for https://www.identrust.com/wizard\\?nid=146,"
                + " which .*CANES.drl:\\d+ dates \"2025-06-01\": a page bears one date"));
    }

    @Test
    void theSameWordsOfAPageReadTwoWaysAreWarnedOfWhereTheSecondIsWritten() throws IOException {
        String canesWords = "accepts both DoD ECA Medium Assurance and DoD ECA Medium Token Assurance certificates";
        // SPAWAR's file quotes CANES's page, and reads the words that say CANES takes Medium Token as a rejection.
        Path rules = shippedRulesWith("agencies/SPAWAR.drl", "    insert(Evidence.that(\"SPAWAR\")",
                "    insert(Evidence.that(\"SPAWAR\").rejects(\"MEDIUM_TOKEN_ASSURANCE\")\n        .stated(\"" + canesWords
                        + "\")\n        .source(\"https://www.identrust.com/wizard?nid=146\"));\n"
                        + "    insert(Evidence.that(\"SPAWAR\")");
        check("--rules", rules.toString());

        assertThat(lines()).anyMatch(line -> line.matches(java.util.regex.Pattern.quote(rules + "/agencies/SPAWAR.drl")
                + ":\\d+:\\d+: warning: the page https://www.identrust.com/wizard\\?nid=146 says \".*\": .*CANES.drl:\\d+"
                + " reads it as .accepts\\(\"MEDIUM_TOKEN_ASSURANCE\"\\), this file as .rejects: the same words say"
                + " one thing"));
    }

    @Test
    void aSecondFileForAnApplicationIsNamedWithTheFirst() throws IOException {
        Path rules = work.resolve("rules");
        ShippedRules.copyTo(rules);
        Files.createDirectories(rules.resolve("agencies/navy"));
        Files.copy(rules.resolve("agencies/CANES.drl"), rules.resolve("agencies/navy/CANES.drl"));

        assertThat(check("--rules", rules.toString())).isEqualTo(1);

        assertThat(lines()).contains(rules + "/agencies/navy/CANES.drl:1:0: error: a second file for CANES: "
                + rules + "/agencies/CANES.drl is its file, and an application has one");
    }

    @Test
    void aScenarioThatExpectsWhatNoRuleCanConcludeIsNamed() throws IOException {
        Path rules = work.resolve("rules");
        ShippedRules.copyTo(rules);
        Files.writeString(rules.resolve("scenarios/slips.yaml"), """
                - name: A misspelt type and an application not selected
                  agencies: [CANES]
                  expect:
                    certificateTypes: [MEDIUM_TOKEN]
                    notAcceptingEca: [DOD_SAFE]
                """);

        assertThat(check("--rules", rules.toString(), "--format", "sarif")).isEqualTo(1);

        String sarif = printed.toString(StandardCharsets.UTF_8);
        assertThat(sarif).contains("\"ruleId\" : \"scenario-expects\"",
                "scenario 'A misspelt type and an application not selected' expects MEDIUM_TOKEN, which is not a"
                        + " certificate type; the types are MEDIUM_ASSURANCE",
                "expects something of DOD_SAFE, which it does not select: no rule can conclude it");
        // Said once, not run to fail again.
        assertThat(sarif).doesNotContain("\"ruleId\" : \"scenario-failed\"");
    }

    @Test
    void aFileThatIsNotTextIsAProblemOfTheRulesInEveryFormat() throws IOException {
        Path rules = work.resolve("rules");
        ShippedRules.copyTo(rules);
        Files.write(rules.resolve("scenarios/binary.yaml"), new byte[] {'-', ' ', (byte) 0xC3, 0x28});

        assertThat(check("--rules", rules.toString(), "--format", "sarif")).isEqualTo(1);

        JsonNode result = JsonMapper.builder().build().readTree(printed.toString(StandardCharsets.UTF_8))
                .path("runs").get(0).path("results").get(0);
        assertThat(result.path("ruleId").asString()).isEqualTo("unreadable");
        assertThat(result.path("message").path("text").asString()).contains("not UTF-8");
    }

    /** A kind of problem the engine reports is one code review tools can title: SARIF's rule descriptions. */
    @Test
    void everyKindOfProblemIsDescribed() throws IOException {
        java.util.Set<String> codes = new java.util.TreeSet<>();
        try (var sources = Files.walk(Path.of("src/engine/src/main/java"))) {
            for (Path source : sources.filter(file -> file.toString().endsWith(".java")).toList()) {
                java.util.regex.Matcher code = java.util.regex.Pattern.compile("new RuleProblem\\(\"([a-z-]+)\"")
                        .matcher(Files.readString(source));
                while (code.find()) {
                    codes.add(code.group(1));
                }
            }
        }

        assertThat(codes).hasSizeGreaterThan(10);
        assertThat(SarifReport.KINDS.keySet()).containsAll(codes);
        assertThat(codes).containsAll(SarifReport.KINDS.keySet());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(check("--rules")).isEqualTo(2);
        assertThat(check("--frobnicate")).isEqualTo(2);
        assertThat(check("--rules", work.resolve("absent").toString())).isEqualTo(2);
        assertThat(check("--require-scenario")).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(said.toString(StandardCharsets.UTF_8)).contains(CheckOptions.USAGE, "unknown option --frobnicate",
                "unknown option --require-scenario", "--rules needs a value");
    }
}

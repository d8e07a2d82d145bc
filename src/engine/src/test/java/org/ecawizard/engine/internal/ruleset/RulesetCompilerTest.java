package org.ecawizard.engine.internal.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.ecawizard.engine.InvalidRulesetException;
import org.ecawizard.engine.RuleProblem;
import org.ecawizard.engine.RulesDidNotSettleException;
import org.ecawizard.facts.Buyer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken rules are refused with every problem at its file and line; sound rules compile. */
class RulesetCompilerTest {

    private static final String LOOPY = """
            package agencies;
            import org.ecawizard.facts.*;
            rule "LOOPY accepts Medium"
                @title("Loopy") @status("confirmed") @source("https://example.org/test")
            when
                Selection(agency == "LOOPY")
            then
                insert(Evidence.that("LOOPY").accepts("MEDIUM_ASSURANCE").stated("as a test page says")
                    .source("https://example.org/test"));
            end
            """;
    private static final String FIRE_LIMIT_RULE = """
            package wizard;
            import org.ecawizard.facts.*;
            rule "LOOPY's buyer, again and again"
            when
                Selection(agency == "LOOPY")
                $b : Buyer()
            then
                delete($b);
                insert(new Buyer($b.residesInUs(), $b.citizenship()));
            end
            """;

    @TempDir
    Path rules;

    private final RulesetCompiler compiler = new RulesetCompiler(200, Clock.systemUTC());

    private InvalidRulesetException refusal() {
        return org.assertj.core.api.Assertions.catchThrowableOfType(InvalidRulesetException.class,
                () -> compiler.compile(RuleSource.fromDirectory(rules)));
    }

    @Test
    void theShippedRulesCompileWithTheirCatalog() {
        Ruleset ruleset = compiler.compile(RuleSource.fromDirectory(ShippedRules.DIR));

        assertThat(ruleset.catalog().find("JPAS")).get().satisfies(jpas -> {
            assertThat(jpas.acceptedTypes()).containsExactly("MEDIUM_TOKEN_ASSURANCE");
            assertThat(jpas.file()).isEqualTo("rules/agencies/JPAS.drl");
            assertThat(jpas.line()).isGreaterThan(1);
            assertThat(jpas.status()).isEqualTo("confirmed");
        });
        assertThat(ruleset.version()).matches("[0-9a-f]{12}");
        ruleset.dispose();
    }

    @Test
    void aSyntaxErrorIsReportedWithFileAndLine() throws IOException {
        ShippedRules.copyTo(rules);
        Files.writeString(rules.resolve("agencies/JPAS.drl"), """
                package agencies;
                import org.ecawizard.facts.*;

                rule "JPAS: only Medium Token is accepted"
                when
                    Selection(agency == "JPAS"
                then
                    insert(Evidence.that("JPAS").acceptsOnly("MEDIUM_TOKEN_ASSURANCE").stated("as a test page says")
                        .source("https://www.identrust.com/wizard?nid=146"));
                end
                """);

        InvalidRulesetException refused = refusal();

        assertThat(refused.problems()).isNotEmpty().allSatisfy(problem -> {
            assertThat(problem.file()).isEqualTo(rules + "/agencies/JPAS.drl");
            assertThat(problem.line()).isBetween(6, 7);
        });
        assertThat(refused.getMessage()).contains(rules + "/agencies/JPAS.drl:");
    }

    @Test
    void aConsequenceThatDoesNotCompileIsReportedWithFileAndLine() throws IOException {
        ShippedRules.copyTo(rules);
        Files.writeString(rules.resolve("wizard/misspelt.drl"), """
                package wizard;
                import org.ecawizard.facts.*;

                rule "A misspelt fact"
                when
                    Selection($agency : agency)
                then

                    insert(new Acepts($agency, "MEDIUM_ASSURANCE", "stated", "words", null, "https://example.org/test"));
                end
                """);

        assertThat(refusal().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.toString()).startsWith(rules + "/wizard/misspelt.drl:9:");
            assertThat(problem.message()).contains("Acepts");
        });
    }

    @Test
    void aMisspeltPartOfAStatementIsRefusedWhereItIsWritten() throws IOException {
        ShippedRules.copyTo(rules);
        Files.writeString(rules.resolve("agencies/CANES.drl"), Files.readString(rules.resolve("agencies/CANES.drl"))
                .replace(".accepts(\"MEDIUM_ASSURANCE\")", ".acepts(\"MEDIUM_ASSURANCE\")"));

        assertThat(refusal().problems()).anySatisfy(problem -> {
            assertThat(problem.toString()).startsWith(rules + "/agencies/CANES.drl:15:35:");
            assertThat(problem.message()).contains(".acepts(...) is not a part of a statement");
        });
    }

    @Test
    void incompleteDuplicateAndWrongDeclarationsAreEachReported() throws IOException {
        ShippedRules.copyTo(rules);
        Files.writeString(rules.resolve("agencies/CANES.drl"), Files.readString(rules.resolve("agencies/CANES.drl"))
                .replace("    @source(\"https://www.identrust.com/wizard?nid=146\")\n", ""));
        Files.writeString(rules.resolve("agencies/JPAS.drl"), Files.readString(rules.resolve("agencies/JPAS.drl"))
                .replace("@status(\"confirmed\")", "@status(\"sure\")"));

        List<String> problems = refusal().problems().stream().map(RuleProblem::toString).toList();

        assertThat(problems).anyMatch(p -> p.startsWith(rules + "/agencies/CANES.drl:8:0: agency CANES has no @source"))
                .anyMatch(p -> p.contains("JPAS.drl") && p.contains("@status(\"sure\")"));
    }

    @Test
    void aCopyOfAnAgencyFileUnderAnotherNameIsRefused() throws IOException {
        ShippedRules.copyTo(rules);
        Files.writeString(rules.resolve("agencies/JPAS2.drl"), Files.readString(rules.resolve("agencies/JPAS.drl"))
                .replace("rule \"JPAS: only Medium Token is accepted, and JPAS is retired\"", "rule \"JPAS again\""));

        assertThat(refusal().problems()).extracting(RuleProblem::toString)
                .anyMatch(p -> p.startsWith(rules + "/agencies/JPAS2.drl:21:") && p.contains("the rule is matched on"
                        + " JPAS, but the file is JPAS2.drl"))
                .anyMatch(p -> p.startsWith(rules + "/agencies/JPAS2.drl:") && p.contains("Evidence.that(\"JPAS\") in"
                        + " JPAS2.drl"));
    }

    @Test
    void aReadingGradedConfirmedIsRefused() throws IOException {
        ShippedRules.copyTo(rules);
        Files.writeString(rules.resolve("agencies/DISS.drl"), Files.readString(rules.resolve("agencies/DISS.drl"))
                .replace("@status(\"inferred\")", "@status(\"confirmed\")"));

        assertThat(refusal().problems()).singleElement().asString().startsWith(rules + "/agencies/DISS.drl:22:10:")
                .contains("DISS is @status(\"confirmed\") but this is the analyst's reading");
    }

    @Test
    void anAgencyThatStatesNothingIsRefused() throws IOException {
        ShippedRules.copyTo(rules);
        Files.writeString(rules.resolve("agencies/SPAWAR.drl"), Files.readString(rules.resolve("agencies/SPAWAR.drl"))
                .replaceAll("(?s)\nthen\n.*\nend", "\nthen\nend"));

        assertThat(refusal().problems()).singleElement().asString()
                .contains("SPAWAR.drl", "agency SPAWAR states nothing");
    }

    @Test
    void contradictoryEvidenceAndAnUnknownSuccessorAreRefused() throws IOException {
        ShippedRules.copyTo(rules);
        Files.writeString(rules.resolve("agencies/CANES.drl"), Files.readString(rules.resolve("agencies/CANES.drl"))
                .replace("end", """
                    insert(Evidence.that("CANES").rejects("MEDIUM_ASSURANCE").stated("as a test page says")
                        .source("https://example.org/test"));
                end"""));
        Files.writeString(rules.resolve("agencies/JPAS.drl"), Files.readString(rules.resolve("agencies/JPAS.drl"))
                .replace(".replacedBy(\"DISS\")", ".replacedBy(\"DISSS\")"));

        assertThat(refusal().problems()).extracting(RuleProblem::message).containsExactlyInAnyOrder(
                "agency CANES both accepts and rejects MEDIUM_ASSURANCE: keep what its source states",
                "agency JPAS is replaced by DISSS, which is not an agency code");
    }

    @Test
    void aBadDateIsRefusedWhereItIsWritten() throws IOException {
        ShippedRules.copyTo(rules);
        Files.writeString(rules.resolve("agencies/JPAS.drl"), Files.readString(rules.resolve("agencies/JPAS.drl"))
                .replace(".retired(\"2021-03-31\")", ".retired(\"31 Mar 2021\")"));

        assertThat(refusal().problems()).singleElement().asString().startsWith(rules + "/agencies/JPAS.drl:26:")
                .contains(".retired(\"31 Mar 2021\"): write the date as yyyy-mm-dd");
        // A year alone is a date a source may give, but not the day a retirement took effect.
        Files.writeString(rules.resolve("agencies/JPAS.drl"), Files.readString(rules.resolve("agencies/JPAS.drl"))
                .replace(".retired(\"31 Mar 2021\")", ".retired(\"2021\")"));
        assertThat(refusal().problems()).singleElement().asString().startsWith(rules + "/agencies/JPAS.drl:26:")
                .contains(".retired(\"2021\"): write the date as yyyy-mm-dd");
    }

    @Test
    void aRuleThatLoopsIsStoppedByTheFireLimitAndNamed() throws IOException {
        ShippedRules.copyTo(rules);
        Files.writeString(rules.resolve("agencies/LOOPY.drl"), LOOPY);
        Files.writeString(rules.resolve("wizard/loopy.drl"), FIRE_LIMIT_RULE);

        assertThat(refusal().problems()).singleElement().asString()
                .contains("LOOPY.drl:3:0", "selecting LOOPY alone", "did not settle within 200",
                        "rule \"LOOPY's buyer, again and again\" (" + rules + "/wizard/loopy.drl:3) fired");
    }

    @Test
    void aRequestThatLoopsIsStoppedAtTheFireLimit() throws IOException {
        ShippedRules.copyTo(rules);
        // Sound for every single agency, so it passes the load, but loops for this one pair.
        Files.writeString(rules.resolve("wizard/loop.drl"), """
                package wizard;
                import org.ecawizard.facts.*;
                rule "Loop when CANES and JPAS are selected together"
                when
                    Selection(agency == "CANES")
                    Selection(agency == "JPAS")
                    $b : Buyer()
                then
                    delete($b);
                    insert(new Buyer($b.residesInUs(), $b.citizenship()));
                end
                """);
        Ruleset ruleset = compiler.compile(RuleSource.fromDirectory(rules));

        assertThatThrownBy(() -> ruleset.evaluate(List.of(ruleset.catalog().find("CANES").orElseThrow().selection(),
                ruleset.catalog().find("JPAS").orElseThrow().selection(), new Buyer(true, "unstated"))))
                .isInstanceOfSatisfying(RulesDidNotSettleException.class, e ->
                        assertThat(e.busiest().rule()).isEqualTo("Loop when CANES and JPAS are selected together"))
                .hasMessageContaining("did not settle within 200");
        ruleset.dispose();
    }

    @Test
    void anAgencyFileThatDeclaresNoAgencyIsRefusedRatherThanDroppingTheAgency() throws IOException {
        ShippedRules.copyTo(rules);
        // What a reader sees of a file that is being rewritten: emptied, not yet filled.
        Files.writeString(rules.resolve("agencies/EMC2.drl"), "");

        assertThat(refusal().problems()).singleElement().asString()
                .startsWith(rules + "/agencies/EMC2.drl:1:0: this agency file holds no rule");
    }

    @Test
    void aFileKeptAsItWasIsCheckedAgainWhenTheFunctionsItMayCallChange() throws IOException {
        ShippedRules.copyTo(rules);
        compiler.compile(RuleSource.fromDirectory(rules)).dispose();
        // certificate-check.drl is kept as it was; the function it calls is taken away.
        Path functions = rules.resolve("wizard/functions.drl");
        Files.writeString(functions, Files.readString(functions).replace("function String joined(", "function String "
                + "joinedOnce("));

        assertThat(refusal().problems()).anySatisfy(problem -> {
            assertThat(problem.code()).isEqualTo("confinement");
            assertThat(problem.file()).endsWith("wizard/certificate-check.drl");
            assertThat(problem.message()).contains("joined");
        });
    }

    @Test
    void anAgencyTakenFromAnEarlierRulesetIsTheOneItsFilesGive() throws IOException {
        ShippedRules.copyTo(rules);
        Ruleset earlier = compiler.compile(RuleSource.fromDirectory(rules));
        Path spawar = rules.resolve("agencies/SPAWAR.drl");
        String text = Files.readString(spawar);
        assertThat(text).contains("@title(\"");
        Files.writeString(spawar, text.replace("@title(\"", "@title(\"Renamed: "));
        RuleSource edited = RuleSource.fromDirectory(rules);

        Ruleset taken = compiler.compile(edited, earlier);
        Ruleset fresh = compiler.compile(edited);

        assertThat(taken.catalog().all()).isEqualTo(fresh.catalog().all());
        assertThat(taken.catalog().find("JPAS")).containsSame(earlier.catalog().find("JPAS").orElseThrow());
        assertThat(taken.catalog().find("SPAWAR").orElseThrow().title()).startsWith("Renamed: ");
        List.of(earlier, taken, fresh).forEach(Ruleset::dispose);
    }

    @Test
    void aDirectoryWithoutRulesIsRefused() {
        assertThat(refusal().problems()).singleElement().asString().contains("no .drl file found");
    }
}

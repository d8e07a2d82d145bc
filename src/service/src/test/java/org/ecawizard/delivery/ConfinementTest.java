package org.ecawizard.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.ecawizard.engine.internal.gate.GateReport;
import org.ecawizard.engine.internal.gate.RulesetGate;
import org.ecawizard.engine.internal.recommendation.Recommender;
import org.ecawizard.engine.internal.ruleset.RuleSource;
import org.ecawizard.engine.internal.ruleset.ShippedRules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules are policy, not programs: the gate (start-up, reload and check alike) refuses every file of the hostile
 * corpus before anything of it is compiled or fired, names file, line and construct, and no marker appears.
 */
class ConfinementTest {

    @TempDir
    Path work;

    private final RulesetGate gate = new RulesetGate(1000, Clock.systemUTC(), new Recommender());

    @Test
    void theCorpusHoldsAtLeastThirtyAttempts() {
        assertThat(HostileRules.names()).hasSizeGreaterThanOrEqualTo(30);
    }

    /** Each file of the corpus as an agency file, and as a wizard file, whose profile is the broader one. */
    @TestFactory
    Stream<DynamicTest> noHostileFileIsAdmittedAndNoneRuns() {
        return Stream.of("agencies", "wizard").flatMap(folder -> HostileRules.names().stream().map(name ->
                DynamicTest.dynamicTest(folder + "/" + name, () -> {
            Path rules = work.resolve(folder + "-" + name.replace(".drl", ""));
            ShippedRules.copyTo(rules);
            Path markers = Files.createDirectories(work.resolve("markers"));
            Files.writeString(rules.resolve(folder).resolve(name), HostileRules.withMarker(name, markers));

            GateReport report = gate.inspect(RuleSource.fromDirectory(rules));

            assertThat(report.passed()).isFalse();
            assertThat(report.ruleset()).as("compiled").isNull();
            assertThat(report.errors()).isNotEmpty().allSatisfy(error -> {
                assertThat(error.file()).isEqualTo(rules + "/" + folder + "/" + name);
                assertThat(error.line()).isPositive();
            });
            assertThat(report.errors()).anySatisfy(error -> assertThat(error.message()).startsWith("not allowed in rules: "));
            assertThat(HostileRules.marker(name, markers)).doesNotExist();
        })));
    }

    @Test
    void aRefusalNamesTheConstructAtItsLine() throws IOException {
        ShippedRules.copyTo(work);
        Files.writeString(work.resolve("agencies/FILES_WRITE.drl"), HostileRules.withMarker("FILES_WRITE.drl", work));

        GateReport report = gate.inspect(RuleSource.fromDirectory(work));

        assertThat(report.errors()).extracting(Object::toString).contains(work + "/agencies/FILES_WRITE.drl:12:5: not allowed"
                + " in rules: the call java.nio.file.Files.writeString(): only the facts' own factories (such as"
                + " Evidence.that), String.join/valueOf and List.of/Set.of in the consequence of rule"
                + " \"FILES_WRITE: hostile\"");
    }

    @Test
    void whatPolicyNeedsIsAllowed() throws IOException {
        ShippedRules.copyTo(work);
        Files.writeString(work.resolve("wizard/plain.drl"), """
                package wizard;

                import org.ecawizard.facts.*;

                // Everything policy writes: bound variables, memberOf, an accumulate, if, locals, String.join, List.of.
                rule "PLAIN: plain policy"
                    @note("the wizard's own files keep the broad profile")
                    salience 5
                    no-loop true
                when
                    $s : Selection(agency == "PLAIN", $title : title)
                    accumulate( CertificateType($code : code); $all : collectList($code), $n : count($code); $n.intValue() > 0 )
                    CertificateType(code memberOf $all, code == "MEDIUM_ASSURANCE", $type : code)
                then
                    String source = "https://example.org/test";
                    if ($all.size() > 1 && !$title.isBlank()) {
                        insert(new Accepts("PLAIN", $type, "stated", "as a test page says", null, source));
                    }
                    insert(new Notice("PLAIN", "Types: " + String.join(", ", $all) + String.join("", java.util.List.of(".")), source));
                end
                """);

        GateReport report = gate.inspect(RuleSource.fromDirectory(work));

        assertThat(report.errors()).isEmpty();
        report.ruleset().dispose();
    }
}

package org.ecawizard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import org.ecawizard.engine.internal.recommendation.Recommender;
import org.ecawizard.engine.internal.ruleset.RuleSource;
import org.ecawizard.engine.internal.ruleset.Ruleset;
import org.ecawizard.engine.internal.ruleset.RulesetCompiler;
import org.ecawizard.engine.internal.ruleset.ShippedRules;
import org.ecawizard.facts.NotOffered;
import org.ecawizard.facts.PossibleType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's worked example for analysts is a tested file: the agency file and its SOURCES.md row are the README's
 * own text, they pass the gate, {@code check --explain} prints what the README shows, and the answers are the ones
 * the README describes.
 */
class ReadmeExampleTest {

    private static final Path ACME = Path.of("src/engine/src/test/resources/examples/agencies/ACME_PORTAL.drl");
    private static final String ROW = "| ACME_PORTAL | https://portal.acme.example/eca | Medium Hardware (stated:"
            + " \"only\") | Medium, Medium Token (stated: \"only\") | | U.S. citizens only |";

    @TempDir
    static Path rules;
    private static String readme;
    private static Ruleset ruleset;
    private final Recommender recommender = new Recommender();

    @BeforeAll
    static void rulesWithTheExample() throws IOException {
        readme = Files.readString(Path.of("rules/README.md"));
        ShippedRules.copyTo(rules);
        Files.copy(ACME, rules.resolve("agencies/ACME_PORTAL.drl"));
        Files.writeString(rules.resolve("sources/SOURCES.md"), "\n" + ROW + "\n", StandardOpenOption.APPEND);
        ruleset = new RulesetCompiler(1000, Clock.systemUTC()).compile(RuleSource.fromDirectory(rules));
    }

    @AfterAll
    static void dispose() {
        ruleset.dispose();
    }

    @Test
    void theReadmeShowsTheTestedFileAndRow() throws IOException {
        assertThat(readme).contains(Files.readString(ACME)).contains(ROW);
    }

    @Test
    void explainPrintsWhatTheReadmeShows() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = CheckCommand.run(List.of("--rules", rules.toString(), "--explain", "ACME_PORTAL"),
                new PrintStream(printed, true, StandardCharsets.UTF_8), System.err);

        assertThat(exit).isZero();
        List<String> explained = printed.toString(StandardCharsets.UTF_8).lines()
                .dropWhile(line -> !line.startsWith("ACME_PORTAL: ")).limit(8)
                .map(line -> line.replace(rules.toString(), "rules")).toList();
        assertThat(explained).hasSize(8);
        assertThat(readme).contains(String.join("\n", explained) + "\n");
    }

    @Test
    void anAgencyToExplainThatIsNotThereIsAUsageError() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = CheckCommand.run(List.of("--rules", rules.toString(), "--explain", "ACME_PORTL"),
                new PrintStream(printed, true, StandardCharsets.UTF_8), System.err);

        assertThat(exit).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("explain: no agency ACME_PORTL in these rules; did you mean ACME_PORTAL?");
    }

    @Test
    void withPieeMediumHardwareIsBoughtOncePieeConfirms() {
        Recommendation answer = recommender.recommend(ruleset, new Choice(List.of("ACME_PORTAL", "PIEE"), true), false);

        assertThat(answer.certificateTypes()).isEmpty();
        assertThat(answer.possibleTypes()).extracting(c -> c.fact().type())
                .containsExactly("MEDIUM_HARDWARE_ASSURANCE");
        assertThat(answer.purchase()).extracting(c -> c.fact().type()).containsExactly("MEDIUM_HARDWARE_ASSURANCE");
        assertThat(readme.replaceAll("\\s+", " ")).contains("headline \"" + answer.headline().fact().text() + "\"");
        List<NotOffered> notOffered = answer.notOffered().stream().map(Conclusion::fact).toList();
        assertThat(notOffered).extracting(NotOffered::type, NotOffered::rejectedBy, NotOffered::inferredBy)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("MEDIUM_ASSURANCE", List.of("ACME_PORTAL"), List.of("PIEE")),
                        org.assertj.core.groups.Tuple.tuple("MEDIUM_TOKEN_ASSURANCE", List.of("ACME_PORTAL"), List.of()));
        assertThat(answer.possibleTypes()).extracting(Conclusion::fact).extracting(PossibleType::unstatedFor)
                .containsExactly(List.of("PIEE"));
    }

    @Test
    void withJpasTheTwoAreInConflictAndEachGetsItsType() {
        Recommendation answer = recommender.recommend(ruleset, new Choice(List.of("ACME_PORTAL", "JPAS"), true), false);

        assertThat(answer.conflict().agencies()).containsExactly("ACME_PORTAL", "JPAS");
        assertThat(answer.purchase()).extracting(c -> c.fact().type(), c -> c.fact().covers()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("MEDIUM_TOKEN_ASSURANCE", List.of("JPAS")),
                org.assertj.core.groups.Tuple.tuple("MEDIUM_HARDWARE_ASSURANCE", List.of("ACME_PORTAL")));
    }

    @Test
    void aBuyerWhoIsNotAUsCitizenCannotReachIt() {
        Recommendation answer = recommender.recommend(ruleset,
                new Choice(List.of("ACME_PORTAL"), true, false), false);

        assertThat(answer.unreachable()).extracting(c -> c.fact().agency()).containsExactly("ACME_PORTAL");
    }
}

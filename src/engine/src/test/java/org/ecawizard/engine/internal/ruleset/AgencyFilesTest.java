package org.ecawizard.engine.internal.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.ecawizard.engine.InvalidRulesetException;
import org.ecawizard.engine.RuleProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agency file says a row of evidence and nothing else: each slip an analyst can make in one is refused at its file
 * and line, on a copy of the shipped rules with that one slip.
 */
class AgencyFilesTest {

    private static final String CANES = "agencies/CANES.drl";
    private static final String DOD_SAFE = "agencies/DOD_SAFE.drl";

    @TempDir
    Path rules;

    private final RulesetCompiler compiler = new RulesetCompiler(1000, Clock.systemUTC());

    /** The problems of the copy with {@code from} replaced by {@code to} in one file; the replacement must apply. */
    private List<String> problemsWith(String file, String from, String to) throws IOException {
        ShippedRules.copyTo(rules);
        Path path = rules.resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to));
        return problems();
    }

    /** The problems of the rules as they are in the copy, which must be refused. */
    private List<String> problems() {
        InvalidRulesetException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                InvalidRulesetException.class, () -> compiler.compile(RuleSource.fromDirectory(rules)).dispose());
        assertThat(refused).as("the slip is refused").isNotNull();
        return refused.problems().stream().map(RuleProblem::toString).toList();
    }

    private String at(String file, int line) {
        return rules + "/" + file + ":" + line + ":";
    }

    @Test
    void positionalArgumentsAreNotWrittenSoTheyCannotBeSwapped() throws IOException {
        // DoD SAFE's fact in the positional form of the fact itself, with why and instead swapped.
        List<String> problems = problemsWith(DOD_SAFE, """
                insert(Evidence.that("DOD_SAFE").acceptsNoEca()
                        .stated("PIV / ECA certificates are not currently supported.")
                        .instead("guest access (a guest can send and receive files when a CAC user asks for them)")
                        .source("https://public.cyber.mil/dodsafe/faqs/"));""", """
                insert(new TakesNoEca("DOD_SAFE", "not-accepted", "stated", "guest access",
                        "Its FAQ says: PIV / ECA certificates are not currently supported.",
                        "https://public.cyber.mil/dodsafe/faqs/"));""");

        assertThat(problems).singleElement().asString().startsWith(at(DOD_SAFE, 15))
                .contains("a statement starts with Evidence.that(\"DOD_SAFE\") and names each part");
    }

    @Test
    void onlyIsSaidOnceAndTheRejectionsFollow() throws IOException {
        List<String> problems = problemsWith("agencies/JPAS.drl", "insert(Evidence.that(\"JPAS\").retired",
                "insert(new Rejects(\"JPAS\", \"MEDIUM_ASSURANCE\", \"stated\", \"only\", null,"
                        + " \"https://www.identrust.com/wizard?nid=146\"));\n"
                        + "    insert(Evidence.that(\"JPAS\").retired");

        assertThat(problems).singleElement().asString().startsWith(at("agencies/JPAS.drl", 26))
                .contains("a fact's own constructor or factory is not written in an agency file");
        assertThat(ShippedRules.ruleset().catalog().find("JPAS").orElseThrow().rejectedTypes())
                .as("the shipped JPAS says only once").containsExactly("MEDIUM_ASSURANCE", "MEDIUM_HARDWARE_ASSURANCE");
    }

    @Test
    void engineControlIsRefused() throws IOException {
        List<String> problems = problemsWith("agencies/CONS3RT.drl", "when\n", "    salience -20\nwhen\n");

        assertThat(problems).singleElement().asString().startsWith(at("agencies/CONS3RT.drl", 13))
                .contains("salience: an agency file states evidence and nothing about when rules run");
    }

    @Test
    void anAgencyFileInAnotherPackageIsRefused() throws IOException {
        List<String> problems = problemsWith(CANES, "package agencies;", "package wizard;");

        assertThat(problems).singleElement().asString().startsWith(at(CANES, 1))
                .contains("an agency file is in package agencies");
    }

    @Test
    void aSecondPatternIsRefused() throws IOException {
        List<String> problems = problemsWith(CANES, "    Selection(agency == \"CANES\")\n",
                "    Selection(agency == \"CANES\")\n    Buyer(residesInUs)\n");

        assertThat(problems).singleElement().asString().startsWith(at(CANES, 14))
                .contains("matched on its application's selection alone");
    }

    @Test
    void aFactAboutAnotherApplicationIsRefused() throws IOException {
        List<String> problems = problemsWith(CANES, "insert(Evidence.that(\"CANES\").accepts(\"MEDIUM_TOKEN_ASSURANCE\")",
                "insert(Evidence.that(\"JPAS\").accepts(\"MEDIUM_TOKEN_ASSURANCE\")");

        assertThat(problems).singleElement().asString().startsWith(at(CANES, 18))
                .contains("Evidence.that(\"JPAS\") in CANES.drl: an agency file states facts about its own application");
    }

    @Test
    void aMisspeltTypeIsRefusedWhereItIsWritten() throws IOException {
        List<String> problems = problemsWith(CANES, ".accepts(\"MEDIUM_TOKEN_ASSURANCE\")", ".accepts(\"MEDIUM_TOKEN\")");

        assertThat(problems).singleElement().asString().startsWith(at(CANES, 18))
                .contains("\"MEDIUM_TOKEN\" is not a certificate type; the types are MEDIUM_ASSURANCE,");
    }

    @Test
    void aStatedFactWithoutItsWordsIsRefused() throws IOException {
        List<String> problems = problemsWith(CANES, """
                    insert(Evidence.that("CANES").accepts("MEDIUM_ASSURANCE")
                        .stated("accepts both DoD ECA Medium Assurance and DoD ECA Medium Token Assurance certificates")
                """, """
                    insert(Evidence.that("CANES").accepts("MEDIUM_ASSURANCE")
                """);

        assertThat(problems).singleElement().asString().startsWith(at(CANES, 16))
                .contains(".accepts is written without how it is known: add .stated(");
    }

    @Test
    void anEmptyQuoteIsRefused() throws IOException {
        List<String> problems = problemsWith(CANES, """
                        .stated("accepts both DoD ECA Medium Assurance and DoD ECA Medium Token Assurance certificates")
                        .source("https://www.identrust.com/wizard?nid=146"));
                end""", """
                        .stated(" ")
                        .source("https://www.identrust.com/wizard?nid=146"));
                end""");

        assertThat(problems).singleElement().asString().startsWith(at(CANES, 19))
                .contains("a stated fact gives the page's own words");
    }

    @Test
    void aSourceNotListedInSourcesIsRefused() throws IOException {
        List<String> problems = problemsWith(DOD_SAFE, "        .source(\"https://public.cyber.mil/dodsafe/faqs/\"));",
                "        .source(\"https://public.cyber.mil/dodsafe/faq/\"));");

        assertThat(problems).singleElement().asString().startsWith(at(DOD_SAFE, 18))
                .contains("the source https://public.cyber.mil/dodsafe/faq/ is not listed in sources/SOURCES.md");
    }

    @Test
    void aSiteRootIsNotASource() throws IOException {
        List<String> problems = problemsWith(DOD_SAFE, "    @source(\"https://public.cyber.mil/dodsafe/faqs/\")",
                "    @source(\"https://public.cyber.mil/\")");

        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(at(DOD_SAFE, 11))
                .contains("is not an exact page"));
    }

    @Test
    void aMisspeltPartARepeatedStanceAndAMissingInsteadAreRefused() throws IOException {
        List<String> problems = problemsWith(DOD_SAFE, """
                insert(Evidence.that("DOD_SAFE").acceptsNoEca()
                        .stated("PIV / ECA certificates are not currently supported.")
                        .instead("guest access (a guest can send and receive files when a CAC user asks for them)")""", """
                insert(Evidence.that("DOD_SAFE").acceptsNoEca().needsNoEca()
                        .stated("PIV / ECA certificates are not currently supported.")
                        .instead("guest access")""");

        assertThat(problems).singleElement().asString().startsWith(at(DOD_SAFE, 15))
                .contains(".needsNoEca(...) after Evidence.that(...).acceptsNoEca(...): one statement says one thing,"
                        + " once");
        // The general profile refuses the unknown call too; the agency profile says what the parts are.
        assertThat(problemsWith(DOD_SAFE, ".instead(", ".insted(")).anySatisfy(p -> assertThat(p)
                .startsWith(at(DOD_SAFE, 17)).contains(".insted(...) is not a part of a statement"));
        assertThat(problemsWith(DOD_SAFE, "        .instead(\"guest access (a guest can send and receive files when a CAC"
                + " user asks for them)\")\n", "")).singleElement().asString().startsWith(at(DOD_SAFE, 15))
                .contains(".acceptsNoEca says what gets a buyer in instead: add .instead(");
    }

    @Test
    void aPageTheSheetListsButNoFileCitesIsWarnedAbout() throws IOException {
        ShippedRules.copyTo(rules);
        Files.writeString(rules.resolve("sources/SOURCES.md"), Files.readString(rules.resolve("sources/SOURCES.md"))
                + "| https://example.org/unused-page | nothing | nowhere |\n");
        Ruleset ruleset = compiler.compile(RuleSource.fromDirectory(rules));

        int row = (int) Files.readString(rules.resolve("sources/SOURCES.md")).lines().count();
        assertThat(ruleset.warnings()).extracting(RuleProblem::toString)
                .anySatisfy(w -> assertThat(w).startsWith(rules + "/sources/SOURCES.md:" + row + ":")
                        .contains("https://example.org/unused-page is listed but no rule file cites it"));
        ruleset.dispose();
    }

    @Test
    void statementsThatContradictEachOtherOrTakeASpecialEntrysStanceAreRefused() throws IOException {
        String emc2 = "agencies/EMC2.drl";
        String page = ".source(\"https://www.linquest.com/emc2/cert-initial-request.htm\"));";
        String end = page + "\nend";
        assertThat(problemsWith(emc2, ".acceptsEca()", ".acceptsAnyType()")).singleElement().asString()
                .startsWith(at(emc2, 15)).contains(".acceptsAnyType() is for a special entry");
        assertThat(problemsWith(emc2, end, page + "\n    insert(Evidence.that(\"EMC2\").acceptsOnly("
                + "\"MEDIUM_TOKEN_ASSURANCE\").stated(\"token only\")" + page + "\nend")).singleElement().asString()
                .startsWith(at(emc2, 18)).contains(".acceptsOnly stated beside .acceptsEca()");
        assertThat(problemsWith(emc2, end, page + "\n    insert(Evidence.that(\"EMC2\").retired(\"2099-12-31\")"
                + ".replacedBy(\"EMC2\")" + page + "\nend")).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith(at(emc2, 18)).contains("is a date to come"))
                .anySatisfy(p -> assertThat(p).startsWith(at(emc2, 18)).contains("does not replace itself"));
        assertThat(problemsWith(DOD_SAFE, "insert(Evidence.that(\"DOD_SAFE\").acceptsNoEca()",
                "insert(Evidence.that(\"DOD_SAFE\").needsNoEca().stated(\"none\").instead(\"nothing\")"
                        + ".source(\"https://public.cyber.mil/dodsafe/faqs/\"));\n"
                        + "    insert(Evidence.that(\"DOD_SAFE\").acceptsNoEca()")).singleElement().asString()
                .startsWith(at(DOD_SAFE, 16)).contains("a second statement that DOD_SAFE takes no ECA certificate");
        assertThat(problemsWith("agencies/JPAS.drl", "    insert(Evidence.that(\"JPAS\").retired",
                "    insert(Evidence.that(\"JPAS\").recommends(\"MEDIUM_ASSURANCE\").stated(\"x\")"
                        + ".source(\"https://www.identrust.com/wizard?nid=146\"));\n"
                        + "    insert(Evidence.that(\"JPAS\").retired")).singleElement().asString()
                .startsWith(at("agencies/JPAS.drl", 26)).contains(".recommends(\"MEDIUM_ASSURANCE\"), a type the file"
                        + " rules out");
        assertThat(problemsWith(emc2, "rule \"EMC2: an ECA certificate, type not stated\"",
                "rule \"EMC2: an ECA certificate, type not stated\" extends \"CPARS: an ECA certificate is"
                        + " encouraged, type not stated\"")).anySatisfy(p -> assertThat(p).startsWith(at(emc2, 8))
                .contains("extends \"CPARS: an ECA certificate is encouraged, type not stated\""));
    }

    @Test
    void evidenceIsWrittenInAgencyFilesOnly() throws IOException {
        ShippedRules.copyTo(rules);
        Files.writeString(rules.resolve("wizard/made-up.drl"), """
                package wizard;
                import org.ecawizard.facts.*;
                rule "A statement outside the agency files"
                when
                    Selection(agency == "EMC2")
                then
                    insert(Evidence.that("EMC2").rejects("MEDIUM_ASSURANCE").stated("made up")
                        .source("https://example.org/test"));
                end
                """);
        assertThat(problems()).singleElement().asString()
                .startsWith(at("wizard/made-up.drl", 7)).contains("Evidence is written in agency files only");
    }

    @Test
    void onlyTheSheetsTablesListAPageAndASiteWithAnEmptyQueryIsNoPage() throws IOException {
        ShippedRules.copyTo(rules);
        Files.writeString(rules.resolve("sources/SOURCES.md"), Files.readString(rules.resolve("sources/SOURCES.md"))
                + "\n<!-- https://example.org/hidden -->\n| X | https://www.linquest.com/? | |\n");
        String emc2 = Files.readString(rules.resolve("agencies/EMC2.drl"));
        Files.writeString(rules.resolve("agencies/EMC2.drl"), emc2.replace(
                ".source(\"https://www.linquest.com/emc2/cert-initial-request.htm\"));",
                ".source(\"https://example.org/hidden\"));\n    insert(Evidence.that(\"EMC2\").notice(\"n\")"
                        + ".source(\"https://www.linquest.com/?\"));"));
        assertThat(problems())
                .anySatisfy(p -> assertThat(p).startsWith(at("agencies/EMC2.drl", 17))
                        .contains("https://example.org/hidden is not listed"))
                .anySatisfy(p -> assertThat(p).startsWith(at("agencies/EMC2.drl", 18))
                        .contains("https://www.linquest.com/? is not an exact page"));
    }

    @Test
    void linesAreRightWhateverFollowsThen() throws IOException {
        // A blank line after `then`, and a comment on its line: Drools drops both from what it reports.
        String first = "then\n    insert(Evidence.that(\"CANES\").accepts(\"MEDIUM_ASSURANCE\")";
        assertThat(problemsWith(CANES, first, first.replace("then\n", "then\n\n").replace("ASSURANCE", "ASSUR")))
                .singleElement().asString().startsWith(at(CANES, 16)).contains("\"MEDIUM_ASSUR\" is not a certificate type");
        assertThat(problemsWith(CANES, first, first.replace("then\n", "then // as the page says\n")
                .replace("ASSURANCE", "ASSUR")))
                .singleElement().asString().startsWith(at(CANES, 15)).contains("\"MEDIUM_ASSUR\" is not a certificate type");
    }

    @Test
    void addressesAreReadAsProseAndTablesWriteThem() {
        assertThat(AgencyFiles.addresses("see https://a.example/x. And (https://b.example/y), then"
                + " https://en.wikipedia.org/wiki/ECA_(PKI); | https://c.example/z |"))
                .containsExactly("https://a.example/x", "https://b.example/y", "https://en.wikipedia.org/wiki/ECA_(PKI)",
                        "https://c.example/z");
    }

    @Test
    void theStancesAreTheVocabularysOwn() {
        java.util.Set<String> parts = java.util.Arrays.stream(org.ecawizard.facts.Evidence.class.getDeclaredMethods())
                .filter(m -> java.lang.reflect.Modifier.isPublic(m.getModifiers())
                        && m.getReturnType() == org.ecawizard.facts.Evidence.class)
                .map(java.lang.reflect.Method::getName).collect(java.util.stream.Collectors.toSet());

        assertThat(AgencyFiles.partNames()).isEqualTo(parts);
    }

    @Test
    void theShippedFilesHaveNoAgencyProblemAndWarnOfOldSources() {
        assertThat(ShippedRules.ruleset().warnings()).extracting(RuleProblem::message)
                .contains("the source of DVS_WS is dated 2008-02-28, more than 2 years ago: look for a newer page")
                .noneMatch(w -> w.contains("listed but no rule file cites it"));
    }
}

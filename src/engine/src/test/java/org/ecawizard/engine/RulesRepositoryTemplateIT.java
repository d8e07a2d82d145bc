package org.ecawizard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ecawizard.RequiredTools;
import org.ecawizard.engine.internal.ruleset.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analysts' repository as the template makes it ({@code examples/rules-repository} with the shipped rules at its
 * root) and a pull request's run of its CI steps ({@code ci/check.sh}, which both the GitHub and the GitLab
 * workflow run) with the check's jar, as CI runs it: two revisions, the SARIF a schema check accepts, the comment
 * that names the changed selections, the coverage, and a failing change shown at its file and line.
 */
class RulesRepositoryTemplateIT {

    private static final Path TEMPLATE = Path.of("examples/rules-repository");
    private static final Path EXAMPLE = Path.of("src/engine/src/test/resources/examples/agencies/ACME_PORTAL.drl");
    /** Microsoft's SARIF validator (the schema and SARIF's own rules), pinned in .ci/tools; .ci/run installs it. */
    private static final Path MULTITOOL = Path.of(".ci/tools/node_modules/@microsoft/sarif-multitool-linux/"
            + "Sarif.Multitool").toAbsolutePath();

    @TempDir
    Path work;

    private record Run(int exitCode, String out) {
    }

    @Test
    void aPullRequestIsCheckedShownOnItsLinesAndCommentedWithItsImpact() throws Exception {
        RequiredTools.require(RequiredTools.onPath("git", "tar"), "the template test needs git: sudo apt-get install git");
        Path repo = work.resolve("policy");
        ShippedRules.copyTree(ShippedRules.DIR, repo);
        Files.delete(repo.resolve("README.md")); // the shipped rules' guide; the template brings its own README
        ShippedRules.copyTree(TEMPLATE, repo);
        git(repo, "init", "-q", "-b", "main");
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", "The policy eca-wizard ships");
        String base = git(repo, "rev-parse", "HEAD").out().strip();

        // The pull request: a new application, its page's row, its scenario, and a sample of logged decisions.
        Files.copy(EXAMPLE, repo.resolve("agencies/ACME_PORTAL.drl"));
        Files.writeString(repo.resolve("sources/SOURCES.md"), "\n| ACME_PORTAL | https://portal.acme.example/eca |"
                + " Medium Hardware (stated: \"only\") | Medium, Medium Token (stated: \"only\") | | U.S. citizens only |\n",
                StandardOpenOption.APPEND);
        Files.writeString(repo.resolve("scenarios/acme.yaml"), """
                - name: ACME_PORTAL takes only Medium Hardware
                  agencies: [ACME_PORTAL]
                  expect:
                    certificateTypes: [MEDIUM_HARDWARE_ASSURANCE]
                    purchase: [MEDIUM_HARDWARE_ASSURANCE]
                """);
        Files.writeString(repo.resolve("decisions.log"), "{\"at\":\"2026-11-25T12:00:00Z\",\"requestId\":\"r1\","
                + "\"agencies\":[\"CANES\",\"JPAS\"],\"residesInUs\":true,\"certificateTypes\":"
                + "[\"MEDIUM_TOKEN_ASSURANCE\"],\"purchase\":[\"MEDIUM_TOKEN_ASSURANCE\"],\"rulesetVersion\":\"aaaaaaaaaaaa\"}\n");
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", "ACME_PORTAL takes only Medium Hardware");

        Run run = checkScript(repo, base);

        assertThat(run.exitCode()).as(run.out()).isZero();
        Path out = repo.resolve("check-out");
        assertThat(Files.readString(out.resolve("check.txt"))).contains("impact: ", "  ACME_PORTAL\n", "coverage: ")
                .contains("every agency has a scenario").containsPattern("check: OK: ruleset \\w+ in \\.");
        String comment = Files.readString(out.resolve("comment.md"));
        assertThat(comment).startsWith("### eca-wizard check: OK").contains("#### What this change does for buyers")
                .contains("**ACME\\_PORTAL** now: sure MEDIUM\\_HARDWARE\\_ASSURANCE; buy MEDIUM\\_HARDWARE\\_ASSURANCE")
                .containsPattern("Decided by: \"ACME\\\\_PORTAL: only Medium Hardware, for U.S. citizens\" "
                        + "\\(agencies/ACME\\\\_PORTAL.drl:\\d+\\)")
                .contains("#### Logged decisions, answered again", "replay: 0 of 1 logged decisions")
                .contains("#### Coverage", "every agency has a scenario");
        JsonNode sarif = JsonMapper.builder().build().readTree(out.resolve("check.sarif").toFile());
        assertThat(sarif.path("runs").get(0).path("results").findValuesAsString("level")).doesNotContain("error");
        validSarif(out.resolve("check.sarif"));

        // A change that breaks a rule fails, and code review is shown the line.
        Path jpas = repo.resolve("agencies/JPAS.drl");
        Files.writeString(jpas, Files.readString(jpas).replace("Selection(agency == \"JPAS\")",
                "Selection(agency == \"JPAS\""));

        Run broken = checkScript(repo, base);

        assertThat(broken.exitCode()).isEqualTo(1);
        JsonNode error = JsonMapper.builder().build().readTree(out.resolve("check.sarif").toFile())
                .path("runs").get(0).path("results").get(0);
        assertThat(error.path("level").asString()).isEqualTo("error");
        assertThat(error.path("ruleId").asString()).isEqualTo("drl");
        JsonNode where = error.path("locations").get(0).path("physicalLocation");
        assertThat(where.path("artifactLocation").path("uri").asString()).isEqualTo("agencies/JPAS.drl");
        assertThat(where.path("region").path("startLine").asInt()).isPositive();
        assertThat(Files.readString(out.resolve("comment.md"))).startsWith("### eca-wizard check: FAILED")
                .contains("#### Errors (", "`agencies/JPAS.drl:");
        validSarif(out.resolve("check.sarif"));
    }

    private Run checkScript(Path repo, String base) throws IOException, InterruptedException {
        return run(repo, List.of("bash", "ci/check.sh", base, "check-out"), "java -jar " + CheckJarIT.JAR);
    }

    /** The validator finds no error; its only warning may be the tool's missing informationUri (there is none). */
    private void validSarif(Path sarif) throws IOException, InterruptedException {
        RequiredTools.require(Files.isExecutable(MULTITOOL), "the SARIF check needs the tools of .ci/tools, as"
                + " .ci/run installs them: npm ci --prefix .ci/tools --ignore-scripts && chmod u+x " + MULTITOOL);
        Run validated = run(work, List.of(MULTITOOL.toString(), "validate", sarif.toString(), "--output",
                work.resolve("validation.sarif").toString(), "--log", "ForceOverwrite"), null);
        assertThat(validated.out()).contains("Analysis completed successfully")
                .doesNotContain(": error ");
        assertThat(validated.out().lines().filter(line -> line.contains(": warning ")))
                .allMatch(line -> line.contains("SARIF2005") && line.contains("informationUri"));
    }

    private Run git(Path repo, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Analyst",
                "-c", "user.email=analyst@example.org"));
        command.addAll(List.of(args));
        Run run = run(repo, command, null);
        assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.out()).isZero();
        return run;
    }

    private Run run(Path dir, List<String> command, String check) throws IOException, InterruptedException {
        Path log = Files.createTempFile(work, "run", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        if (check != null) {
            builder.environment().put("ECA_CHECK", check);
        }
        Process process = builder.start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}

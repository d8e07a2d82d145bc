package org.ecawizard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ecawizard.BuildDirectory;
import org.ecawizard.engine.internal.ruleset.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check as an analyst with only a JRE runs it: the jar {@code ./mvnw install} builds and installs, with
 * {@code java -jar}, from a directory of their own, with no Maven and no class path of ours.
 */
class CheckJarIT {

    static final Path JAR = BuildDirectory.resolve("eca-wizard-engine-" + System.getProperty("eca.version")
            + "-cli.jar");

    @TempDir
    Path work;

    private record Run(int exitCode, String out, String err) {
    }

    private Run checkJar(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = work.resolve("out.txt");
        Path err = work.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("ECA_RULES_DIR");
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the check ends").isTrue();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theJarChecksARulesDirectoryAndSaysNothingElse() throws Exception {
        Path rules = work.resolve("rules");
        ShippedRules.copyTo(rules);

        Run run = checkJar("check");

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out().lines().toList()).last().asString().startsWith("check: OK: ruleset ")
                .contains(" in rules, 24 agencies");
        assertThat(run.err()).as("no logging noise beside the report").isEmpty();
    }

    @Test
    void aBrokenRuleFailsWithItsFileAndLine() throws Exception {
        Path rules = work.resolve("my-rules");
        ShippedRules.copyTo(rules);
        Path jpas = rules.resolve("agencies/JPAS.drl");
        Files.writeString(jpas, Files.readString(jpas).replace("Selection(agency == \"JPAS\")",
                "Selection(agency == \"JPAS\""));

        Run run = checkJar("check", "--rules", "my-rules");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("my-rules/agencies/JPAS.drl:").contains(": error: ")
                .contains("check: FAILED");
    }

    @Test
    void theJarSaysItsVersionAndHowToUseIt() throws Exception {
        assertThat(checkJar("--version").out().strip()).isEqualTo("eca-wizard check " + System.getProperty(
                "eca.version"));
        assertThat(checkJar("--help").out()).contains("usage: check [--rules DIR]");
        Run wrong = checkJar("serve");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.out()).isEmpty();
        assertThat(wrong.err()).contains("unknown command serve", "usage: check [--rules DIR]");
    }
}

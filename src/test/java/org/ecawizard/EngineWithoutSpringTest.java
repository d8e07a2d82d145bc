package org.ecawizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ecawizard.ruleset.RuleSource;
import org.junit.jupiter.api.Test;

/**
 * The engine runs with no Spring, no Tomcat and no Micrometer on the class path: what a back end embedding it
 * would have. A JVM of its own, on this build's classes and every other dependency, runs the bundled rules
 * through the gate and answers the seed example.
 */
class EngineWithoutSpringTest {

    private static final List<String> SERVICE_ONLY = List.of("/org/springframework/", "/io/micrometer/",
            "/org/apache/tomcat/", "/org/springdoc/", "/io/swagger/");

    @Test
    void theBundledRulesPassTheGateAndAnswerWithoutSpring() throws Exception {
        String classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> SERVICE_ONLY.stream().noneMatch(entry.replace('\\', '/')::contains))
                .reduce((a, b) -> a + File.pathSeparator + b).orElseThrow();
        Process process = new ProcessBuilder(RunningJar.java(), "-cp", classPath, EngineWithoutSpring.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(out).as(out).contains("spring: absent", "gate: passed",
                "seed: [MEDIUM_TOKEN_ASSURANCE] from " + RuleSource.fromDirectory(Path.of("rules")).version());
        assertThat(process.exitValue()).isZero();
    }
}

package org.ecawizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.ecawizard.ruleset.RuleSource;
import org.ecawizard.ruleset.ShippedRules;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The library as a back end gets it: the build installs eca-wizard-engine (jar, its own pom, Javadoc) into
 * target/local-repo before the integration tests; here a copy of examples/backend is built against it by Maven,
 * with the build's own local repository behind that one for everything else, and run as its README says. Its class
 * path is what the library's pom brings: no Spring, no Micrometer, no Tomcat, no Logback, and every class the
 * library's code names.
 */
class EngineLibraryIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path ENGINE_JAR = TARGET.resolve("engine/eca-wizard-engine.jar");
    private static final List<String> SERVICE_ONLY = List.of("/org/springframework/", "/io/micrometer/",
            "/org/apache/tomcat/", "/org/springdoc/", "/ch/qos/logback/");

    @Test
    void theExampleBackEndBuildsOnTheLibraryAndAnswersWithoutSpring() throws Exception {
        Path example = TARGET.resolve("example-backend");
        FileSystemUtils.deleteRecursively(example);
        ShippedRules.copyTree(Path.of("examples", "backend"), example);
        Path classPathFile = example.resolve("classpath.txt");

        Process maven = new ProcessBuilder(Path.of("mvnw").toAbsolutePath().toString(), "-B", "-q", "-f",
                example.resolve("pom.xml").toString(),
                "-Dmaven.repo.local=" + TARGET.resolve("local-repo"),
                // The build's local repository (failsafe passes it); Maven's default when run from elsewhere.
                "-Dmaven.repo.local.tail=" + System.getProperty("maven.local.repository",
                        Path.of(System.getProperty("user.home"), ".m2", "repository").toString()),
                "-Dmdep.outputFile=" + classPathFile,
                "compile", "dependency:build-classpath", "exec:exec")
                .redirectErrorStream(true).start();
        String out = new String(maven.getInputStream().readAllBytes());
        assertThat(maven.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(maven.exitValue()).as(out).isZero();

        String rulesVersion = RuleSource.fromDirectory(Path.of("rules")).version();
        assertThat(out).as(out)
                .contains("CANES + JPAS: buy [MEDIUM_TOKEN_ASSURANCE] (ruleset " + rulesVersion + ")")
                .contains("ECA Medium Token Assurance: ")
                .contains("CANES + JPASS: refused: Unknown agency code 'JPASS' (did you mean JPAS?).");
        List<String> classPath = List.of(Files.readString(classPathFile).strip().split(File.pathSeparator));
        assertThat(classPath).anyMatch(entry -> entry.replace('\\', '/')
                        .contains("/local-repo/org/ecawizard/eca-wizard-engine/"))
                .anyMatch(entry -> entry.contains("drools-engine"))
                .noneMatch(entry -> SERVICE_ONLY.stream().anyMatch(entry.replace('\\', '/')::contains));
        // Beyond what the example touches: every class the library's code names is on that class path.
        StringWriter missing = new StringWriter();
        int jdeps = ToolProvider.findFirst("jdeps").orElseThrow().run(new PrintWriter(missing), new PrintWriter(missing),
                "--multi-release", "17", "--missing-deps", "--class-path", String.join(File.pathSeparator, classPath),
                ENGINE_JAR.toString());
        assertThat(missing.toString()).as("classes the library names that its pom does not bring").isBlank();
        assertThat(jdeps).isZero();
    }

    @Test
    void theLibraryHoldsTheEngineAndTheBundledRulesButNotTheService() throws IOException {
        assertThat(entries(ENGINE_JAR)).contains("org/ecawizard/engine/EcaRules.class",
                        "org/ecawizard/facts/Selection.class", "bundled-rules/agencies/JPAS.drl")
                .noneMatch(EngineLibraryIT::theServices);
        assertThat(entries(ENGINE_JAR.resolveSibling("eca-wizard-engine-sources.jar")))
                .contains("org/ecawizard/engine/EcaRules.java").noneMatch(EngineLibraryIT::theServices);
        assertThat(entries(ENGINE_JAR.resolveSibling("eca-wizard-engine-javadoc.jar")))
                .contains("org/ecawizard/engine/EcaRules.html").noneMatch(EngineLibraryIT::theServices);
        String pom = Files.readString(ENGINE_JAR.resolveSibling("pom.xml"));
        assertThat(pom).contains("<artifactId>eca-wizard-engine</artifactId>", "<artifactId>drools-engine</artifactId>")
                .doesNotContain("springframework", "@");
    }

    private static boolean theServices(String entry) {
        return entry.startsWith("org/ecawizard/live/") || entry.startsWith("org/ecawizard/web/")
                || entry.startsWith("org/ecawizard/EcaWizardApplication") || entry.startsWith("static/")
                || entry.equals("application.properties") || entry.startsWith("META-INF/maven/");
    }

    private static List<String> entries(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).toList();
        }
    }
}

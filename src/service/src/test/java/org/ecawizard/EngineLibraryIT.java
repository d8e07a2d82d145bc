package org.ecawizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.ecawizard.engine.internal.ruleset.RuleSource;
import org.ecawizard.engine.internal.ruleset.ShippedRules;
import org.junit.jupiter.api.Test;

/**
 * The library as a back end gets it: eca-wizard-engine as `./mvnw install` put it in the build's local repository
 * (the engine module is installed before this module is built), its pom flattened. A copy of examples/backend is
 * built against it by Maven and run as its README says. Its class path is what the library's pom brings: no Spring,
 * no Micrometer, no Tomcat, no Logback, and every class the library's code names.
 */
class EngineLibraryIT {

    private static final String VERSION = System.getProperty("eca.version");
    private static final Path ENGINE = Path.of("src", "engine", "target").toAbsolutePath();
    private static final Path ENGINE_JAR = ENGINE.resolve("eca-wizard-engine-" + VERSION + ".jar");
    private static final Path INSTALLED = Path.of(System.getProperty("maven.local.repository",
                    Path.of(System.getProperty("user.home"), ".m2", "repository").toString()),
            "org", "ecawizard", "eca-wizard-engine", VERSION);
    private static final List<String> SERVICE_PACKAGES = servicePackages();
    private static final List<String> SERVICE_ONLY = List.of("/org/springframework/", "/io/micrometer/",
            "/org/apache/tomcat/", "/org/springdoc/", "/ch/qos/logback/");

    @Test
    void theExampleBackEndBuildsOnTheLibraryAndAnswersWithoutSpring() throws Exception {
        Path installedJar = INSTALLED.resolve(ENGINE_JAR.getFileName());
        RequiredTools.require(Files.exists(installedJar) && Files.mismatch(installedJar, ENGINE_JAR) == -1,
                "the example back end builds on the installed library: run ./mvnw install");
        Path example = BuildDirectory.resolve("example-backend");
        ShippedRules.deleteTree(example);
        ShippedRules.copyTree(Path.of("examples", "backend"), example);
        Path classPathFile = example.resolve("classpath.txt");

        Process maven = new ProcessBuilder(Path.of("mvnw").toAbsolutePath().toString(), "-B", "-q", "-f",
                example.resolve("pom.xml").toString(),
                "-Dmaven.repo.local=" + INSTALLED.getParent().getParent().getParent().getParent(),
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
                        .contains("/org/ecawizard/eca-wizard-engine/"))
                .anyMatch(entry -> entry.contains("drools-engine"))
                .noneMatch(entry -> SERVICE_ONLY.stream().anyMatch(entry.replace('\\', '/')::contains));
        // Beyond what the example touches: every class the library's code names is on that class path.
        StringWriter missing = new StringWriter();
        int jdeps = ToolProvider.findFirst("jdeps").orElseThrow().run(new PrintWriter(missing), new PrintWriter(missing),
                "--multi-release", "17", "--missing-deps", "--class-path", String.join(File.pathSeparator, classPath),
                installedJar.toString());
        assertThat(missing.toString()).as("classes the library names that its pom does not bring").isBlank();
        assertThat(jdeps).isZero();
    }

    @Test
    void theLibraryHoldsTheEngineAndTheBundledRulesButNotTheService() throws IOException {
        assertThat(entries(ENGINE_JAR)).contains("org/ecawizard/engine/EcaRules.class",
                        "org/ecawizard/facts/Selection.class", "bundled-rules/agencies/JPAS.drl")
                .noneMatch(EngineLibraryIT::theServices);
        assertThat(entries(ENGINE.resolve("eca-wizard-engine-" + VERSION + "-sources.jar")))
                .contains("org/ecawizard/engine/EcaRules.java").noneMatch(EngineLibraryIT::theServices);
        assertThat(entries(ENGINE.resolve("eca-wizard-engine-" + VERSION + "-javadoc.jar")))
                .contains("org/ecawizard/engine/EcaRules.html").noneMatch(EngineLibraryIT::theServices);
        // The pom a back end's build reads: the engine's dependencies with their versions, no parent to fetch.
        String pom = Files.readString(ENGINE.resolve(".flattened-pom.xml"));
        assertThat(pom).contains("<artifactId>eca-wizard-engine</artifactId>", "<artifactId>drools-engine</artifactId>")
                .doesNotContain("springframework", "<parent>", "${");
    }

    /** Whether a jar entry is the service's: a class or source of its packages, its page, its configuration. */
    private static boolean theServices(String entry) {
        return SERVICE_PACKAGES.stream().anyMatch(entry::startsWith)
                || entry.startsWith("org/ecawizard/EcaWizardApplication") || entry.startsWith("static/")
                || entry.equals("application.properties") || entry.startsWith("META-INF/maven/org.ecawizard/eca-wizard/");
    }

    private static List<String> servicePackages() {
        try (var dirs = Files.list(Path.of("src/service/src/main/java/org/ecawizard"))) {
            return dirs.filter(Files::isDirectory).map(dir -> "org/ecawizard/" + dir.getFileName() + "/").toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> entries(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).toList();
        }
    }
}

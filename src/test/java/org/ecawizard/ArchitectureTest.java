package org.ecawizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The web package owns HTTP: no other package imports Spring's web or http types. The engine (the rules, the
 * catalog, the advice, the certificate check, the gate, the scenarios) knows nothing of Spring or of the
 * service's metrics, so that a back end can run it in its own JVM with the engine's dependencies alone.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/org/ecawizard");

    @Test
    void onlyTheWebPackageSpeaksHttp() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(MAIN)) {
            offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !MAIN.relativize(f).startsWith("web"))
                    .filter(f -> read(f).lines().anyMatch(line -> line.startsWith("import org.springframework.web.")
                            || line.startsWith("import org.springframework.http.")))
                    .map(f -> MAIN.relativize(f).toString())
                    .toList();
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void theEngineUsesNeitherSpringNorTheServicesMetricsNorItsLogging() throws IOException {
        // The engine is every package but the service's own (live, web, the application class): what the library
        // eca-wizard-engine holds (the engine-jar execution in pom.xml).
        List<String> service = List.of("live", "web");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(MAIN)) {
            offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> MAIN.relativize(f).getNameCount() > 1)
                    .filter(f -> !service.contains(MAIN.relativize(f).getName(0).toString()))
                    .filter(f -> read(f).lines().anyMatch(line -> line.startsWith("import org.springframework.")
                            || line.startsWith("import io.micrometer.") || line.startsWith("import ch.qos.logback.")))
                    .map(f -> MAIN.relativize(f).toString())
                    .toList();
        }
        assertThat(offenders).isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

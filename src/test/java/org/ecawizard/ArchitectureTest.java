package org.ecawizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The web package owns HTTP: no other package imports Spring's web or http types. */
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

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

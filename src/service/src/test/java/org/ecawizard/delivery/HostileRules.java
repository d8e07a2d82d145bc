package org.ecawizard.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The hostile-rules corpus under src/test/resources/hostile: agency files that each try to reach beyond the facts.
 * Each leaves a marker file where {@code MARKER} stands if any of its code ever runs.
 */
final class HostileRules {

    static final Path CORPUS = Path.of("src/service/src/test/resources/hostile");

    private HostileRules() {
    }

    /** The corpus's file names (CODE.drl). */
    static List<String> names() {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".drl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's text with its marker in {@code markers}; the marker's path is {@code markers/CODE}. */
    static String withMarker(String name, Path markers) {
        try {
            return Files.readString(CORPUS.resolve(name)).replace("MARKER", marker(name, markers).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path marker(String name, Path markers) {
        return markers.resolve(name.replace(".drl", "")).toAbsolutePath();
    }
}

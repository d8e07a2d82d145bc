package org.ecawizard.engine.internal.ruleset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files under a folder of the class path, with the JDK alone: a directory (the build's classes), a jar (the
 * library), or a jar nested in Spring Boot's executable jar, whose URL handler is a {@link JarURLConnection} too.
 */
final class ClasspathFolder {

    private ClasspathFolder() {
    }

    /** The paths of the files under {@code folder}, relative to it, sorted; none when the folder is not there. */
    static List<String> list(ClassLoader loader, String folder) throws IOException {
        URL url = loader.getResource(folder);
        if (url == null) {
            return List.of();
        }
        List<String> files = new ArrayList<>();
        URLConnection connection = url.openConnection();
        if (connection instanceof JarURLConnection jar) {
            connection.setUseCaches(false);
            String prefix = jar.getEntryName() + "/";
            try (var file = jar.getJarFile()) {
                file.stream().filter(entry -> !entry.isDirectory() && entry.getName().startsWith(prefix))
                        .forEach(entry -> files.add(entry.getName().substring(prefix.length())));
            }
        } else {
            Path root;
            try {
                root = Path.of(url.toURI());
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new IOException("Cannot list " + url, e);
            }
            try (Stream<Path> paths = Files.walk(root)) {
                paths.filter(Files::isRegularFile)
                        .forEach(path -> files.add(root.relativize(path).toString().replace('\\', '/')));
            }
        }
        Collections.sort(files);
        return files;
    }

    /** The text of {@code folder/relative}, as UTF-8. */
    static String read(ClassLoader loader, String folder, String relative) {
        try (InputStream in = loader.getResourceAsStream(folder + "/" + relative)) {
            if (in == null) {
                throw new IOException(folder + "/" + relative + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.ecawizard.engine.internal.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The files of one ruleset: the DRL policy, the analysts' scenarios, the sheet of sources
 * ({@code sources/SOURCES.md}, which the gate checks the agency files' addresses and the trust store against) and the
 * trust store ({@code trust/*.pem}, the ECA CA certificates), read from a directory, or
 * from the copy of {@code rules/} that the build bundles into the jar. All of them make its version.
 *
 * @param location where the files were read, as shown in problems: {@code rules} or {@code classpath:bundled-rules}
 */
public record RuleSource(String location, List<RuleFile> files) {

    private static final String BUNDLED = "bundled-rules";

    /**
     * Orders the files by path, so that the same files give the same version.
     *
     * @param location where the files were read
     * @param files    the files
     */
    public RuleSource {
        files = files.stream().sorted(Comparator.comparing(RuleFile::path)).toList();
    }

    /**
     * @param dir a rules directory
     * @return the rules in it when it exists (read as {@link #settled} reads them), otherwise the bundled copy
     */
    public static RuleSource of(Path dir) {
        return Files.isDirectory(dir) ? settled(dir) : bundled();
    }

    /**
     * The rules in {@code dir}. Symbolic links are followed, the directory's own included, since that is how
     * rules are delivered: git-sync swaps {@code current -> rev-<sha>}, a Kubernetes ConfigMap links each file
     * through {@code ..data}. Entries whose name starts with a dot ({@code ..data}, {@code ..2026_11_25...},
     * {@code .git}) are the delivery's own and are left out.
     *
     * @param dir the rules directory
     * @return its files
     * @throws UncheckedIOException when a file cannot be read (a broken link, bytes that are not UTF-8, no access)
     */
    public static RuleSource fromDirectory(Path dir) {
        try (Stream<Path> paths = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            List<RuleFile> files = new ArrayList<>();
            for (Path path : paths.filter(path -> !delivered(dir, path) && isRuleFile(path)).toList()) {
                if (Files.isSymbolicLink(path) && !Files.exists(path)) {
                    throw new NoSuchFileException(path + " is a link to nothing");
                }
                if (Files.isRegularFile(path)) {
                    String relative = dir.relativize(path).toString().replace('\\', '/');
                    files.add(new RuleFile(relative, Files.readString(path, StandardCharsets.UTF_8)));
                }
            }
            String location = dir.normalize().toString();
            return new RuleSource(location.isEmpty() ? "." : location, files);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the rules in " + dir + ": " + describe(e), e);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("Cannot read the rules in " + dir + ": " + describe(e.getCause()), e.getCause());
        }
    }

    /**
     * What the rule files under {@code dir} look like from outside: each one's path, size and modification time,
     * links followed as {@link #fromDirectory} follows them. Cheap enough to take often; a change in it means
     * the files are worth reading.
     *
     * @param dir the rules directory
     * @return the stamp: every file's path, size and time of change
     * @throws UncheckedIOException when the directory cannot be walked
     */
    public static String stamp(Path dir) {
        StringBuilder stamp = new StringBuilder();
        try (Stream<Path> paths = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            for (Path path : paths.filter(path -> !delivered(dir, path) && isRuleFile(path)).sorted().toList()) {
                stamp.append(dir.relativize(path)).append(' ');
                if (Files.isRegularFile(path)) {
                    stamp.append(Files.size(path)).append(' ').append(Files.getLastModifiedTime(path).toMillis());
                }
                stamp.append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the rules in " + dir + ": " + describe(e), e);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("Cannot read the rules in " + dir + ": " + describe(e.getCause()), e.getCause());
        }
        return stamp.toString();
    }

    /**
     * The rules in {@code dir}, read twice to be sure that no delivery was under way while they were read: a tree
     * half swapped or half copied is never taken for a ruleset.
     *
     * @param dir the rules directory
     * @return its files
     * @throws UncheckedIOException when they cannot be read, or changed between the two readings
     */
    public static RuleSource settled(Path dir) {
        RuleSource first = fromDirectory(dir);
        RuleSource second = fromDirectory(dir);
        if (!first.version().equals(second.version())) {
            throw new UncheckedIOException("The rules in " + dir + " changed while they were read; they are read again"
                    + " once they settle", new IOException("rules changing"));
        }
        return second;
    }

    private static boolean delivered(Path dir, Path path) {
        for (Path name : dir.relativize(path)) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(IOException cause) {
        if (cause instanceof java.nio.charset.CharacterCodingException) {
            return "a file is not UTF-8 text (" + cause.getMessage() + ")";
        }
        if (cause instanceof NoSuchFileException missing) {
            return "not found: " + missing.getMessage();
        }
        if (cause instanceof java.nio.file.AccessDeniedException denied) {
            return "not allowed to read " + denied.getMessage();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** @return the copy of {@code rules/} that the build bundles into the jar */
    public static RuleSource bundled() {
        ClassLoader loader = RuleSource.class.getClassLoader();
        try {
            List<RuleFile> files = new ArrayList<>();
            for (String relative : ClasspathFolder.list(loader, BUNDLED)) {
                if (isRuleFile(Path.of(relative))) {
                    files.add(new RuleFile(relative, ClasspathFolder.read(loader, BUNDLED, relative)));
                }
            }
            return new RuleSource("classpath:" + BUNDLED, files);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled rules: " + e.getMessage(), e);
        }
    }

    private static boolean isRuleFile(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(".drl") || name.endsWith(".yaml") || name.endsWith(".yml")
                || name.equals(AgencyFiles.SOURCES_NAME) || name.endsWith(".pem");
    }

    /** @return a digest of every file's path and content: the same files give the same version */
    public String version() {
        List<String> parts = new ArrayList<>();
        files.forEach(file -> {
            parts.add(file.path());
            parts.add(file.content());
        });
        return digest(parts).substring(0, 12);
    }

    /**
     * @param parts texts, in order
     * @return a SHA-256 digest of them, each ended by a zero byte, in hexadecimal
     */
    public static String digest(List<String> parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * @param path a path relative to the ruleset's root
     * @return the file at that path, or empty
     */
    public Optional<RuleFile> file(String path) {
        // The files are sorted by path, and a ruleset of thousands of agencies looks a file up for every rule.
        int low = 0;
        int high = files.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = files.get(middle).path().compareTo(path);
            if (order == 0) {
                return Optional.of(files.get(middle));
            }
            if (order < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return Optional.empty();
    }

    /**
     * @param relative a path relative to the ruleset's root
     * @return the path an analyst opens for that file of this ruleset
     */
    public String pathOf(String relative) {
        return location.equals(".") ? relative : location + "/" + relative;
    }
}

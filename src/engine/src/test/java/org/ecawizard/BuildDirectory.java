package org.ecawizard;

import java.nio.file.Path;

/**
 * Where a test writes what it leaves behind: its module's build directory (the build passes it as {@code eca.build};
 * tests run from the repository's root, where {@code target} would be nobody's).
 */
public final class BuildDirectory {

    private BuildDirectory() {
    }

    /** The module's build directory, or the path under it that {@code more} names, absolute. */
    public static Path resolve(String... more) {
        return Path.of(System.getProperty("eca.build", "target"), more).toAbsolutePath();
    }
}

package org.ecawizard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.ecawizard.engine.internal.ruleset.RuleSource;
import org.ecawizard.engine.internal.ruleset.ShippedRules;

/** Revisions of the shipped rules, delivered as git-sync and the kubelet deliver them: a link swapped at once. */
public final class Revisions {

    private Revisions() {
    }

    /** A revision of the shipped rules; with {@code tokenOnly}, EMC2's source names Medium Token. */
    public static Path revision(Path dir, boolean tokenOnly) throws IOException {
        ShippedRules.copyToChangeEmc2(dir);
        if (tokenOnly) {
            Path emc2 = dir.resolve("agencies/EMC2.drl");
            Files.writeString(emc2, Files.readString(emc2).replace("Evidence.that(\"EMC2\").acceptsEca()",
                    "Evidence.that(\"EMC2\").accepts(\"MEDIUM_TOKEN_ASSURANCE\")"));
        }
        return dir;
    }

    public static String version(Path dir) {
        return RuleSource.fromDirectory(dir).version();
    }

    /** Points {@code link} at {@code target} in one rename, as git-sync and the kubelet do. */
    public static void swap(Path link, Path target) throws IOException {
        Path next = link.resolveSibling(link.getFileName() + ".next");
        Files.deleteIfExists(next);
        Files.createSymbolicLink(next, target.getFileName());
        Files.move(next, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}

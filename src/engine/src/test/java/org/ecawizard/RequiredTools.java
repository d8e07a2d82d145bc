package org.ecawizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Assumptions;

/**
 * Tools from outside the JDK that some tests drive (a browser, HAProxy, podman ...). On a developer's machine a
 * missing tool skips its test and says how to install it; in CI ({@code CI=true}, where {@code .ci/run} installs
 * them) it fails the test.
 */
public final class RequiredTools {

    private RequiredTools() {
    }

    public static void require(boolean installed, String install) {
        if ("true".equals(System.getenv("CI"))) {
            assertThat(installed).as(install).isTrue();
        }
        Assumptions.assumeTrue(installed, "Skipped: " + install);
    }

    /** Whether every one of these commands is on the PATH. */
    public static boolean onPath(String... commands) {
        for (String command : commands) {
            try {
                if (new ProcessBuilder("sh", "-c", "command -v " + command).start().waitFor() != 0) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}

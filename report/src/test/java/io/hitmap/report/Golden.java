// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A golden file under src/test/resources/golden: the text must equal it byte for byte. With
 * {@code -Dgolden.update=true} the text replaces it instead, to be reviewed with git diff.
 */
final class Golden {
    static final String REGENERATE = "mvn -q -B -o verify -pl report -am -Dgolden.update=true -Dtest='HtmlReportTest' "
            + "-Dsurefire.failIfNoSpecifiedTests=false, then review git diff";

    private Golden() {
    }

    static void check(String name, String actual) throws IOException {
        Path golden = Path.of("src/test/resources/golden", name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        if (expected.equals(actual)) {
            return;
        }
        int at = 0;
        while (at < expected.length() && at < actual.length() && expected.charAt(at) == actual.charAt(at)) {
            at++;
        }
        int line = (int) expected.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        int column = at - expected.lastIndexOf('\n', at - 1);
        throw new AssertionError(golden + " differs at line " + line + ", column " + column
                + " (if the change is meant, regenerate with: " + REGENERATE + "):\n-" + around(expected, at)
                + "\n+" + around(actual, at));
    }

    /** The text near {@code at}, on one line. */
    private static String around(String s, int at) {
        int from = Math.max(0, at - 120);
        int to = Math.min(s.length(), at + 120);
        return (from > 0 ? "..." : "") + s.substring(from, to).replace("\n", "\\n") + (to < s.length() ? "..." : "");
    }
}

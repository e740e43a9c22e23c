// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.fuzz;

import io.hitmap.ingest.PerfParseException;

/** What every parse error must be, whatever the input: one line that names the file. */
final class FuzzChecks {
    private FuzzChecks() {
    }

    static void oneLine(PerfParseException e) {
        String m = e.getMessage();
        if (m == null || !m.startsWith("fuzz.txt") || m.indexOf('\n') >= 0) {
            throw new AssertionError("a parse error must be one line naming the file, got: " + m);
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import io.hitmap.ingest.arrow.ArrowCapture;
import io.hitmap.ingest.arrow.C2cToArrow;
import io.hitmap.ingest.arrow.ProfileToArrow;
import io.hitmap.ingest.c2c.C2cCapture;
import io.hitmap.ingest.profile.ProfileCapture;
import java.util.List;

/** One input file, parsed by the parser of its kind: exactly one of {@code c2c} and {@code profile} is set. */
record ParsedFile(String name, C2cCapture c2c, ProfileCapture profile) {
    static ParsedFile of(String name, C2cCapture c) {
        return new ParsedFile(name, c, null);
    }

    static ParsedFile of(String name, ProfileCapture p) {
        return new ParsedFile(name, null, p);
    }

    ArrowCapture arrow() {
        return c2c != null ? C2cToArrow.capture(c2c) : ProfileToArrow.capture(profile);
    }

    String sha256() {
        return c2c != null ? c2c.sha256() : profile.sha256();
    }

    List<String> warnings() {
        return c2c != null ? c2c.warnings() : profile.warnings();
    }

    long linesSkipped() {
        return c2c != null ? c2c.linesSkipped() : profile.linesSkipped();
    }

    List<Integer> skippedLineNos() {
        return c2c != null ? c2c.skippedLineNos() : profile.skippedLineNos();
    }

    /**
     * {@code 42 lines, 310 accessors (1234 lines read: 1180 used, 50 structural, 4 skipped)} for c2c,
     * {@code perf report, 1 section, 48 rows, 21 call-graph nodes (106 lines read: ...)} for a profile.
     */
    String summary() {
        if (c2c != null) {
            return count(c2c.lines().size(), "line") + ", " + count(c2c.accesses().size(), "accessor") + " ("
                    + accounting(c2c.linesRead(), c2c.linesUsed(), c2c.linesStructural(), c2c.linesSkipped()) + ")";
        }
        return "perf report, " + count(profile.sections().size(), "section") + ", "
                + count(profile.entries().size(), "row") + ", " + count(profile.chains().size(), "call-graph node")
                + (profile.machine() == null ? "" : ", machine header") + " ("
                + accounting(profile.linesRead(), profile.linesUsed(), profile.linesStructural(),
                        profile.linesSkipped()) + ")";
    }

    private static String accounting(long read, long used, long structural, long skipped) {
        return count(read, "line") + " read: " + used + " used, " + structural + " structural, " + skipped + " skipped";
    }

    /** {@code 1 line}, {@code 0 lines}, {@code 2 lines}. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}

// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import io.hitmap.analysis.LineVerdict;
import io.hitmap.analysis.RankedAccessor;
import io.hitmap.analysis.RankedLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ranked lines built in code for the HTML report's tests: a false-sharing line with offsets, a
 * line whose symbols are hostile markup, and a generator of many lines for the size and load checks.
 */
final class ReportFixtures {
    static final String IMG = "<img src=x onerror=alert(1)>";
    static final String SCRIPT = "</script><script>alert(1)</script>";
    static final String CPP = "std::vector<int, std::allocator<int>>::push_back&\"'";

    private ReportFixtures() {
    }

    static RankedAccessor accessor(int row, Integer offset, String symbol, String source, double rmt, double lcl,
                                   double stL1Hit, String nodes, double est) {
        return new RankedAccessor(row, offset, "0", 1L, null, null, String.format(Locale.ROOT, "0x%x", 0x401000 + row * 16),
                symbol, ".", "app", source, rmt, lcl, stL1Hit, 0.0, 0.0, 250.0, 120.0, 80.0, (long) est, 4L, nodes, est, 100 + row);
    }

    static RankedLine line(int capture, String path, int rank, int index, long rmt, long lcl, String cls,
                           List<RankedAccessor> accessors) {
        LineVerdict v = cls == null ? null : new LineVerdict(cls, null, 0.8, "written at 2 offsets of the line by different code",
                null, 0.4, (double) rmt / (rmt + lcl), 4L, "0 1", "Move the written field to its own cache line.", null);
        return new RankedLine(capture, path, "hitm", rank, index, String.format(Locale.ROOT, "0x%x", 0xffff0000L + index * 64L),
                rmt + lcl, rmt, lcl, null, null, 50.0, 1000L, 800L, 200L, "0", accessors.size(), accessors, null, v);
    }

    /** Capture 1: a false-sharing line (a writer at 0x8, readers at 0x10 and 0x20) and a line with hostile symbols. */
    static List<RankedLine> smallCapture() {
        return List.of(
                line(1, "captures/app.c2c.txt", 1, 0, 300, 700, "false-sharing", List.of(
                        accessor(1, 8, "counter_inc", "counter.c:12", 0, 0, 100, "0{0-3} 1{4,5}", 600),
                        accessor(2, 16, "reader_a", "reader.c:40", 60, 40, 0, "0{1}", 250),
                        accessor(3, 32, CPP, "vector.h:88", 40, 60, 0, "1{6}", 150))),
                line(1, "captures/app.c2c.txt", 2, 1, 100, 50, "true-sharing", List.of(
                        accessor(1, 0, IMG, SCRIPT, 50, 50, 20, "0", 90),
                        accessor(2, 0, SCRIPT, IMG, 50, 50, 0, "0", 60))));
    }

    /** {@code n} lines of one capture, each with {@code accessors} accessors of realistic names. */
    static List<RankedLine> many(int n, int accessors) {
        List<RankedLine> out = new ArrayList<>(n);
        String[] classes = {"false-sharing", "true-sharing", "refcount", "lock", null};
        for (int i = 0; i < n; i++) {
            List<RankedAccessor> as = new ArrayList<>();
            for (int a = 0; a < accessors; a++) {
                int f = (i * 7 + a * 13) % 400;
                as.add(accessor(a + 1, (a * 8) % 64, "subsystem_function_" + f + "_do_work",
                        "source_file_" + (f % 90) + ".c:" + (100 + f), 10.0 + a, 5.0 + a, a % 2 == 0 ? 30.0 : 0.0,
                        "0{" + (a % 8) + "} 1{" + (8 + a % 8) + "}", 1000.0 / (a + 1)));
            }
            out.add(line(1, "bench/target/c2c-10k.txt", i + 1, i, 2000 - i / 10, 1000 - i / 20, classes[i % 5], as));
        }
        return out;
    }
}

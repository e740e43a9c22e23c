// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a {@code perf report} disagrees with itself: a section whose self shares (Overhead, or
 * Self with --children) add up to more than 100% beyond rounding. A sum under 100% is normal
 * (--percent-limit, filters, a paste of the top rows) and not reported.
 */
final class ProfileConsistency {
    private final Map<Integer, double[]> sums = new HashMap<>(); // section -> {sum, rows}

    /** Counts one row in as it is read. */
    void add(ProfileEntry e) {
        Double self = e.self() != null ? e.self() : e.overhead();
        if (self != null && !self.isNaN()) {
            double[] s = sums.computeIfAbsent(e.sectionNo(), k -> new double[2]);
            s[0] += self;
            s[1]++;
        }
    }

    List<String> warnings(List<ProfileSection> sections) {
        List<String> warnings = new ArrayList<>();
        for (ProfileSection s : sections) {
            double[] t = sums.getOrDefault(s.sectionNo(), new double[2]);
            double sum = t[0];
            double n = t[1];
            // each printed share is rounded to 0.005 at most
            if (sum > 100 + 0.005 * n + 1e-9) {
                warnings.add(String.format(Locale.ROOT, "section %d%s: self shares add up to %.2f%%, over 100%%"
                        + " (two reports in one file?)", s.sectionNo(),
                        s.event() == null ? "" : " ('" + s.event() + "')", sum));
            }
        }
        return warnings;
    }
}

// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a {@code perf report} disagrees with itself: a section whose self shares (Overhead, or
 * Self with --children) add up to more than 100% beyond rounding. A sum under 100% is normal
 * (--percent-limit, filters, a paste of the top rows) and not reported.
 */
final class ProfileConsistency {
    private ProfileConsistency() {
    }

    static List<String> check(List<ProfileSection> sections, List<ProfileEntry> entries) {
        List<String> warnings = new ArrayList<>();
        for (ProfileSection s : sections) {
            double sum = 0;
            int n = 0;
            for (ProfileEntry e : entries) {
                Double self = e.self() != null ? e.self() : e.overhead();
                if (e.sectionNo() == s.sectionNo() && self != null && !self.isNaN()) {
                    sum += self;
                    n++;
                }
            }
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

// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

import java.util.List;

/**
 * A capture with statistics but no contended lines ({@code perf c2c report --stats}): its key
 * HITM (or peer) totals from c2c_summary, in the order {@link StatsOnlyCaptures} lists the keys.
 */
public record StatsOnlyCapture(int captureId, String path, String metric, List<Total> totals) {

    public StatsOnlyCapture {
        totals = List.copyOf(totals);
    }

    /** One c2c_summary value: {@code number} is null for text such as {@code -nan%}. */
    public record Total(String key, String value, Double number) {
    }
}

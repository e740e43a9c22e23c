// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

import java.util.List;

/**
 * One contended cache line in a capture's ranking: its metric counts ({@code hitm} or
 * {@code peer}), its share of the capture's total, and its top accessors.
 */
public record RankedLine(
        int captureId,
        String path,
        String metric,
        /** 1 for the most contended line of the capture. */
        int rank,
        int lineIndex,
        String address,
        Long total,
        Long remote,
        Long local,
        /** Percent (0-100) of the capture's total metric over all its lines; null when that total is 0. */
        Double shareOfCapture,
        Long totalRecords,
        Long loads,
        Long stores,
        String node,
        /** All accessors of the line, not just {@code topAccessors}. */
        int accessorCount,
        List<RankedAccessor> topAccessors) {

    public RankedLine {
        topAccessors = List.copyOf(topAccessors);
    }
}

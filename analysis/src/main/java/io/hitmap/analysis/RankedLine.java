// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

import java.util.List;

/**
 * One contended cache line in a capture's ranking: its metric counts ({@code hitm} or
 * {@code peer}), its share of the run as perf printed it and of the lines listed, and its top
 * accessors.
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
        /** perf's percentage for the line (hitm_pct or peer_pct), over every line of the run; null when not printed. */
        Double perfPct,
        /** The c2c_lines count that {@code perfPct} is a share of: tot_hitm, rmt_hitm, lcl_hitm or tot_peer; null with it. */
        String perfPctOf,
        /** Percent (0-100) of the total over the lines in the capture; null when that sum is 0. */
        Double shareOfListed,
        Long totalRecords,
        Long loads,
        Long stores,
        String node,
        /** All accessors of the line, not just {@code topAccessors}. */
        int accessorCount,
        List<RankedAccessor> topAccessors,
        /** With a profile: percent of the profiled samples its accessors' functions spend on it (contended-lines.sql); else null. */
        Double estCostPct,
        /** Why the line is hot (views/classify.sql); null when not classified. */
        LineVerdict verdict) {

    public RankedLine {
        topAccessors = List.copyOf(topAccessors);
    }

    /** A line ranked without a profile. */
    public RankedLine(int captureId, String path, String metric, int rank, int lineIndex, String address, Long total,
                      Long remote, Long local, Double perfPct, String perfPctOf, Double shareOfListed,
                      Long totalRecords, Long loads, Long stores, String node, int accessorCount,
                      List<RankedAccessor> topAccessors) {
        this(captureId, path, metric, rank, lineIndex, address, total, remote, local, perfPct, perfPctOf,
                shareOfListed, totalRecords, loads, stores, node, accessorCount, topAccessors, null, null);
    }

    /** The same line with these accessors. */
    RankedLine withAccessors(List<RankedAccessor> accessors) {
        return new RankedLine(captureId, path, metric, rank, lineIndex, address, total, remote, local, perfPct,
                perfPctOf, shareOfListed, totalRecords, loads, stores, node, accessorCount, accessors, estCostPct,
                verdict);
    }
}

// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

/**
 * One of the top accessors (Pareto rows) of a ranked cache line. {@code remotePct} and
 * {@code localPct} are the HITM or Peer percentages, whichever the capture's metric is.
 */
public record RankedAccessor(
        int rowInLine,
        Integer offset,
        String symbol,
        String privilege,
        String object,
        String sourceLine,
        Double remotePct,
        Double localPct,
        Double storeL1HitPct,
        Double storeL1MissPct,
        Long cpuCount,
        String nodes,
        Long pid,
        String tid) {
}

// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

/**
 * One of the top accessors (Pareto rows) of a ranked cache line, with every column of its
 * c2c_accesses row. {@code remotePct} and {@code localPct} are the HITM or Peer percentages,
 * whichever the capture's metric is; {@code estSamples} is what the accessors are ordered by
 * (see contended-lines.sql).
 */
public record RankedAccessor(
        int rowInLine,
        Integer offset,
        String offsetNode,
        Long paCount,
        Long pid,
        String tid,
        String codeAddress,
        String symbol,
        String privilege,
        String object,
        String sourceLine,
        Double remotePct,
        Double localPct,
        Double storeL1HitPct,
        Double storeL1MissPct,
        Double storeNaPct,
        Double cyclesRmt,
        Double cyclesLcl,
        Double cyclesLoad,
        Long totalRecords,
        Long cpuCount,
        String nodes,
        /** Samples this accessor contributes to the line, estimated from its shares and the line's counts. */
        double estSamples,
        /** The Pareto row's line in the input file. */
        int sourceLineNo,
        /** With a profile: the share of its samples perf report gives this symbol (self, and with callees); else null. */
        Double profileSelfPct,
        Double profileChildrenPct,
        /** With a profile: the part of {@code profileSelfPct} apportioned to this line (contended-lines.sql). */
        Double estCostPct) {

    /** An accessor ranked without a profile. */
    public RankedAccessor(int rowInLine, Integer offset, String offsetNode, Long paCount, Long pid, String tid,
                          String codeAddress, String symbol, String privilege, String object, String sourceLine,
                          Double remotePct, Double localPct, Double storeL1HitPct, Double storeL1MissPct,
                          Double storeNaPct, Double cyclesRmt, Double cyclesLcl, Double cyclesLoad, Long totalRecords,
                          Long cpuCount, String nodes, double estSamples, int sourceLineNo) {
        this(rowInLine, offset, offsetNode, paCount, pid, tid, codeAddress, symbol, privilege, object, sourceLine,
                remotePct, localPct, storeL1HitPct, storeL1MissPct, storeNaPct, cyclesRmt, cyclesLcl, cyclesLoad,
                totalRecords, cpuCount, nodes, estSamples, sourceLineNo, null, null, null);
    }
}

// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.c2c;

/**
 * One contended cache line: a row of the Shared Data Cache Line Table, or, when only the
 * Pareto section exists, its block header ({@code 0 412 1028}). Absent values are null.
 */
public record C2cLine(
        int lineIndex,
        String address,
        String node,
        Long paCount,
        Double hitmPct,
        Double peerPct,
        Long totHitm,
        Long lclHitm,
        Long rmtHitm,
        Long totPeer,
        Long lclPeer,
        Long rmtPeer,
        Long totalRecords,
        Long loads,
        Long stores,
        Long storeL1Hit,
        Long storeL1Miss,
        Long storeNa,
        Long ldFbHit,
        Long ldL1Hit,
        Long ldL2Hit,
        Long ldLlcHit,
        Long ldRmtHit,
        Long ldLlcMiss,
        Long dramLcl,
        Long dramRmt,
        /** "table" or "pareto": which section the numbers came from. */
        String source,
        int sourceLineNo) {
}

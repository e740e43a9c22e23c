// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.c2c;

/**
 * One row of the Shared Cache Line Distribution Pareto: an accessor (offset x pid x code
 * address, as coalesced) of one cache line. Absent values are null.
 */
public record C2cAccess(
        int lineIndex,
        int rowInLine,
        /** Byte offset within the cache line, parsed from {@code 0x28}. */
        Integer offset,
        String offsetNode,
        Long paCount,
        Long pid,
        String tid,
        String codeAddress,
        Double rmtHitmPct,
        Double lclHitmPct,
        Double rmtPeerPct,
        Double lclPeerPct,
        Double storeL1HitPct,
        Double storeL1MissPct,
        Double storeNaPct,
        Double cyclesRmt,
        Double cyclesLcl,
        Double cyclesLoad,
        Long totalRecords,
        Long cpuCount,
        /** Without the {@code [k]}/{@code [.]} marker. */
        String symbol,
        /** The marker letter: {@code k}, {@code .}, {@code g}, {@code u} or {@code H}. */
        String privilege,
        /** The shared object without brackets: {@code kernel.vmlinux}. */
        String object,
        String sourceLine,
        /** The Node cell as printed, whitespace-normalised: {@code 0 1}, {@code 0{0-1,4} 1{24}}. */
        String nodes,
        /** The unmerged 2022 peer layouts' single "Snoop Peer" share of the line; null otherwise. */
        Double totPeerPct,
        Double cyclesPeer,
        int sourceLineNo) {
}

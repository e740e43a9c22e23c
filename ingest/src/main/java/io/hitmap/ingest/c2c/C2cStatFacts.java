// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.c2c;

import java.util.Optional;

/**
 * The few facts of the statistics sections that the layout, the metric and the consistency checks
 * need after the whole file is read, kept as the entries stream by (a stats section of any length
 * costs nothing more).
 */
final class C2cStatFacts {
    private long count;
    private String lastKey = "";
    private String sortOn;
    private boolean storeNa;
    private boolean peer;
    private C2cSummaryEntry totalLines;
    private C2cSummaryEntry localHitm;
    private C2cSummaryEntry remoteHitm;

    void add(C2cSummaryEntry e) {
        count++;
        lastKey = e.key();
        if (sortOn == null && e.key().equals("Cachelines sort on")) {
            sortOn = e.value();
        }
        storeNa |= e.key().equals("Store No available memory level");
        peer |= e.key().contains("Peer") || e.key().contains("peer");
        if (e.valueNum() != null) {
            totalLines = first(totalLines, e, "Total Shared Cache Lines");
            localHitm = first(localHitm, e, "Load Local HITM");
            remoteHitm = first(remoteHitm, e, "Load Remote HITM");
        }
    }

    private static C2cSummaryEntry first(C2cSummaryEntry kept, C2cSummaryEntry e, String key) {
        return kept == null && e.key().equals(key) ? e : kept;
    }

    boolean any() {
        return count > 0;
    }

    /** The label of the last entry: a continuation line (no label) belongs to it. */
    String lastKey() {
        return lastKey;
    }

    /** The value of "Cachelines sort on" (perf 6.0+), or empty. */
    Optional<String> sortOn() {
        return Optional.ofNullable(sortOn);
    }

    /** perf 5.19 added "Store No available memory level". */
    boolean storeNa() {
        return storeNa;
    }

    /** Any peer-snoop statistic (perf 6.0 and the peer series). */
    boolean peer() {
        return peer;
    }

    Optional<C2cSummaryEntry> totalLines() {
        return Optional.ofNullable(totalLines);
    }

    Optional<C2cSummaryEntry> localHitm() {
        return Optional.ofNullable(localHitm);
    }

    Optional<C2cSummaryEntry> remoteHitm() {
        return Optional.ofNullable(remoteHitm);
    }
}

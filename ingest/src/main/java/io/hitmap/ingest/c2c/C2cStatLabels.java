// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.c2c;

import java.util.List;

/**
 * The labels perf c2c prints in its statistics sections, perf 4.10 to 6.x (builtin-c2c.c),
 * so that statistics pasted without their section title still land in the right section.
 */
final class C2cStatLabels {
    static final String TRACE = "Trace Event Information";
    static final String GLOBAL = "Global Shared Cache Line Event Information";
    static final String DETAILS = "c2c details";

    private static final List<String> TRACE_LABELS = List.of(
            "Total records", "Locked Load/Store Operations", "Load Operations", "Loads - uncacheable",
            "Loads - IO", "Loads - Miss", "Loads - no mapping", "Load Fill Buffer Hit", "Load L1D hit",
            "Load L2D hit", "Load LLC hit", "Load Local HITM", "Load Remote HITM", "Load Remote HIT",
            "Load Local DRAM", "Load Remote DRAM", "Load MESI State Exclusive", "Load MESI State Shared",
            "Load LLC Misses", "Load access blocked by data", "Load access blocked by address",
            "Load HIT Local Peer", "Load HIT Remote Peer", "Load HIT Peer", "LLC Misses to Local DRAM",
            "LLC Misses to Remote DRAM", "LLC Misses to Remote cache (HIT)", "LLC Misses to Remote cache (HITM)",
            "Store Operations", "Store - uncacheable", "Store - no mapping", "Store L1D Hit", "Store L1D Miss",
            "Store No available memory level", "No Page Map Rejects", "Unable to parse data source");
    private static final List<String> GLOBAL_LABELS = List.of(
            "Total Shared Cache Lines", "Load HITs on shared lines", "Fill Buffer Hits on shared lines",
            "L1D hits on shared lines", "L2D hits on shared lines", "LLC hits on shared lines",
            "Load hits on peer cache or nodes", "Load HITs on peer cache lines", "Locked Access on shared lines",
            "Blocked Access on shared lines", "Store HITs on shared lines", "Store L1D hits on shared lines",
            "Total Merged records");
    private static final List<String> DETAILS_LABELS = List.of(
            "Events", "Cachelines sort on", "Cacheline data grouping", "Cacheline data groupping");

    private C2cStatLabels() {
    }

    /** The section a label belongs to, or null when perf never prints it. */
    static String sectionOf(String label) {
        if (TRACE_LABELS.contains(label)) {
            return TRACE;
        }
        if (GLOBAL_LABELS.contains(label)) {
            return GLOBAL;
        }
        return DETAILS_LABELS.contains(label) ? DETAILS : null;
    }
}

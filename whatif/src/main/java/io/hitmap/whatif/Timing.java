// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

/**
 * Where a replay's private work per operation comes from: a share of CPU time the targeted lines' accesses
 * take in the captured run (from a profile or given), or, without one, light load.
 *
 * @param share  fraction of all CPU time in the targeted lines' accesses before the change; null: light load
 * @param source where the share comes from, or why there is none
 * @param workNs the mean private work per operation that reproduces it
 */
public record Timing(Double share, String source, double workNs) {

    /** Whether throughput and CPU-time changes can be predicted (they need the captured share). */
    public boolean timed() {
        return share != null;
    }
}

// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

/**
 * One accessor of one shared line over a measured run: the symbol, what it did there and how often it
 * found the line Modified in another CPU's cache (perf c2c's Lcl/Rmt HITM, counted for every access, not
 * sampled). {@code kind} is LOAD for reads and RMW for every access that writes (RMW, CAS, LOCK, UNLOCK);
 * {@code storeMisses} counts the writes that had to fetch the line from another CPU (perf's store L1 miss).
 */
public record SiteStats(String line, String site, Step.Kind kind, long accesses, long localHitm, long remoteHitm,
                        long storeMisses) {
}

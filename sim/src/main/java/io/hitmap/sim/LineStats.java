// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

/**
 * One shared line's counts over a measured run -> what {@code perf c2c} would attribute to it (all accesses,
 * not samples: scale by the sampling period to compare with a capture).
 */
public record LineStats(String name, long loads, long rmws, long localHitm, long remoteHitm, double busyNs) {
}

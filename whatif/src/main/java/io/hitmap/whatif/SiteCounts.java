// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

/**
 * What a replay counted at one accessor (or summed over a line): accesses, those that write, and the
 * accesses that found the line Modified in another CPU's cache on the same socket (local HITM) or on another.
 */
public record SiteCounts(double accesses, double writes, double lclHitm, double rmtHitm) {
    public static final SiteCounts ZERO = new SiteCounts(0, 0, 0, 0);

    public double hitm() {
        return lclHitm + rmtHitm;
    }

    public SiteCounts plus(SiteCounts o) {
        return new SiteCounts(accesses + o.accesses, writes + o.writes, lclHitm + o.lclHitm, rmtHitm + o.rmtHitm);
    }

    /** {@code (1 - f) * this + f * o}: a strategy's run mixed with its fallback regime's. */
    public SiteCounts mix(SiteCounts o, double f) {
        return new SiteCounts((1 - f) * accesses + f * o.accesses, (1 - f) * writes + f * o.writes,
                (1 - f) * lclHitm + f * o.lclHitm, (1 - f) * rmtHitm + f * o.rmtHitm);
    }
}

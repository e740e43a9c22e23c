// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

/**
 * An accessor of the predicted after-capture: its HITM samples, remote and local, and store samples.
 * On a carried-over line they are the capture's; on a simulated line, the replay's counts scaled to samples.
 */
public record PredictedAccessor(CapturedAccessor captured, long rmtHitm, long lclHitm, double storeL1Hit,
                                double storeL1Miss, double storeNa) {

    public long hitm() {
        return rmtHitm + lclHitm;
    }

    /** The accessor as the capture had it. */
    static PredictedAccessor carried(CapturedAccessor a) {
        return new PredictedAccessor(a, Math.round(a.rmtHitm()), Math.round(a.lclHitm()), a.storeL1Hit(),
                a.storeL1Miss(), a.storeNa());
    }

    /** Whether perf would print the row: it has a HITM or store sample. */
    public boolean sampled() {
        return hitm() > 0 || Math.round(storeL1Hit + storeL1Miss + storeNa) > 0;
    }
}

// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

/** No reference for an object that outlives the critical section: get and put are skipped. */
public final class NoRef extends NothingShared {
    @Override
    public String name() {
        return "no-ref";
    }

    @Override
    public String source() {
        return "override_creds_light: the mounter cred outlives the section, get/put skipped (Gomes RFC v2, 2024-01-25; seeds/001)";
    }

    /** Not refcounted: the object lives as long as its owner (the mount), whatever the readers do. */
    @Override
    public double reclaimDelayMs(Scenario s) {
        return Double.NaN;
    }
}

// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import java.util.List;

/** The cost shared by off, no-ref and RCU read-side: get and put touch nothing shared, no per-object bytes. */
abstract class NothingShared implements Strategy {
    @Override
    public List<Step> get(int line) {
        return List.of();
    }

    @Override
    public List<Step> put(int line) {
        return List.of();
    }

    @Override
    public long bytesPerObject(int cpus) {
        return 0;
    }
}

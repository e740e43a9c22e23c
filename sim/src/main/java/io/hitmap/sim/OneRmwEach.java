// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import java.util.List;

/** The cost shared by kref and rcuref: one locked RMW on the object's line per get and per put, 4 bytes. */
abstract class OneRmwEach implements Strategy {
    @Override
    public List<Step> get(int line) {
        return List.of(Step.rmw(line));
    }

    @Override
    public List<Step> put(int line) {
        return List.of(Step.rmw(line));
    }

    @Override
    public long bytesPerObject(int cpus) {
        return 4;
    }
}

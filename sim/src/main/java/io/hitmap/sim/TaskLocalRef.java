// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import java.util.List;

/** Task-local cached refs (Guzik): get/put change a counter in the task; the roll-up on a cred change is not modelled. */
public final class TaskLocalRef implements Strategy {
    @Override
    public String name() {
        return "task-local";
    }

    @Override
    public String source() {
        return "Mateusz Guzik, AppArmor thread 2024-05-30: refs on current->cred only modify a task-local counter";
    }

    @Override
    public List<Step> get(int line) {
        return List.of(Step.delay(1.0));
    }

    @Override
    public List<Step> put(int line) {
        return List.of(Step.delay(1.0));
    }

    @Override
    public long bytesPerObject(int cpus) {
        return 16;
    }

    /** The cred stays referenced until the task changes creds and rolls its local count up: not bounded here. */
    @Override
    public double reclaimDelayMs(Scenario s) {
        return Double.NaN;
    }
}

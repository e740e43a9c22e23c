// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

import java.util.List;

/**
 * A line of the predicted after-capture: simulated (a targeted line: the replay's counts scaled to the
 * capture's samples) or carried over (every other line, as captured), with its accessors. A simulated
 * line's counts are the capture's plus its listed accessors' predicted changes: what the accessors the
 * capture does not list (a Pareto cut short) contributed is carried over.
 *
 * @param simulatedChangePct for any line the replay simulates, the change of its HITMs between the before
 *                           and after replays (what the simulation says about a line it does not predict); else null
 * @param storeL1Hit         the line's store counts (null when the capture has none)
 */
public record PredictedLine(CapturedLine captured, boolean simulated, List<PredictedAccessor> accessors,
                            Double simulatedChangePct, long remote, long local, Long storeL1Hit, Long storeL1Miss,
                            Long storeNa) {

    public PredictedLine {
        accessors = List.copyOf(accessors);
    }

    public long hitm() {
        return remote() + local();
    }

    /** Where the numbers come from, in the words the output uses. */
    public String provenance() {
        return simulated ? "simulated" : "carried over";
    }

    /** Whether perf would list the line: it has a HITM or a store sample. */
    public boolean listed() {
        return hitm() > 0 || accessors.stream().anyMatch(PredictedAccessor::sampled);
    }
}

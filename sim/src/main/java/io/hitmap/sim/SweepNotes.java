// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A scenario as given, as resolved, and its predictions -> the lines a reader needs under the table: the
 * machine, where each workload number came from (given, derived from a capture, or calibrated), and the
 * largest disagreement between the engine and the queueing model with its likely cause.
 */
public final class SweepNotes {
    private SweepNotes() {
    }

    public static List<String> of(Scenario given, Scenario resolved, List<Prediction> rows) {
        List<String> out = new ArrayList<>();
        out.add("machine: " + resolved.machine().name() + ", " + resolved.machine().description());
        if (given.privateWorkNs() != null) {
            out.add(String.format(Locale.ROOT, "private work: %.0f ns per operation (given by the scenario)",
                    resolved.privateWorkNs()));
        } else {
            Scenario.ProfileTarget p = given.profile();
            out.add(String.format(Locale.ROOT, "private work: %.0f ns per operation, derived so that the hooks take "
                    + "%.2f %% under %s at %d CPUs (%s)", resolved.privateWorkNs(), 100 * p.share(), p.strategy(),
                    p.cpus(), p.source()));
        }
        if (given.backgroundTransfersPerOp() != null) {
            out.add(String.format(Locale.ROOT, "background: %.1f transfers per operation (given by the scenario)",
                    resolved.backgroundTransfersPerOp()));
        } else {
            Scenario.CalibrationPoint c = given.calibration();
            out.add(String.format(Locale.ROOT, "background: %.1f transfers per operation, calibrated so that %s at "
                    + "%d CPUs is %.0f %% efficient, the one calibration point (%s)",
                    resolved.backgroundTransfersPerOp(), c.strategy(), c.cpus(), c.efficiencyPct(), c.source()));
        }
        rows.stream().max(Comparator.comparingDouble(p -> Math.abs(p.disagreementPts()))).ifPresent(p -> {
            if (Math.abs(p.disagreementPts()) >= 1) {
                out.add(String.format(Locale.ROOT, "largest engine vs queueing-model gap: %s at %d CPUs, %.1f points: %s",
                        p.strategy(), p.cpus(), p.disagreementPts(), why(p)));
            }
        });
        return out;
    }

    private static String why(Prediction p) {
        if (p.casRetriesPerCas() >= 0.5) {
            return "cmpxchg retries (each a line transfer) the queueing model does not have";
        }
        if (p.disagreementPts() > 0) {
            return "the engine lets a CPU that still owns the line keep it; the queueing model moves it on every access";
        }
        return "queueing-model averages (mean handoff over all CPU pairs, exponential service) differ from the "
                + "engine's exact owners and queue order";
    }
}

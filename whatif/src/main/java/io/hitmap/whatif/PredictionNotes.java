// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

import io.hitmap.sim.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link PredictedCapture} -> the lines that say what it is and where each number comes from: the
 * comment block of the predicted c2c text, and the summary the command prints.
 */
public final class PredictionNotes {
    public static final String NOT_PREDICTED = "not predicted, not written: records, loads and their hit levels, "
            + "cycles, PA cnt, Pid/Tid, the statistics sections";

    private PredictionNotes() {
    }

    public static List<String> of(PredictedCapture p, String command) {
        Baseline b = p.baseline();
        Topology t = b.machine().topology();
        List<String> out = new ArrayList<>();
        out.add("PREDICTED by hitmap whatif, not measured: " + command);
        out.add("strategy: " + p.strategy().name() + ": " + p.strategy().source());
        out.addAll(context(b));
        List<PredictedLine> listed = p.listed();
        List<String> asCaptured = new ArrayList<>();
        for (PredictedLine l : p.lines()) {
            if (l.simulated() || l.simulatedChangePct() != null) {
                out.add(line(l, listed.indexOf(l)));
            } else {
                asCaptured.add(String.valueOf(l.captured().index()));
            }
        }
        if (!asCaptured.isEmpty()) {
            out.add(String.format(Locale.ROOT, "%d more lines carried over as captured, not replayed (no writer with "
                    + "HITM samples, or beyond the replay's size): %s", asCaptured.size(), String.join(", ", asCaptured.subList(0, Math.min(10,
                    asCaptured.size()))) + (asCaptured.size() > 10 ? ", ..." : "")));
        }
        out.add(String.format(Locale.ROOT, "cost of the targeted lines' accesses: %.1f ns per captured access before, "
                + "%.1f after (simulated)", p.nsPerAccessBefore(), p.nsPerAccessAfter()));
        if (p.throughputChangePct() != null) {
            out.add(String.format(Locale.ROOT, "CPU time in the targeted lines: %.2f%% -> %.2f%%; throughput %+.1f%% "
                            + "(simulated)", 100 * p.targetedTimeShareBefore(), 100 * p.targetedTimeShareAfter(),
                    p.throughputChangePct()));
        }
        if (p.fallbackShare() > 0) {
            out.add(String.format(Locale.ROOT, "%s spends %.1f%% of the time in %s's regime (its atomic window; "
                    + "scan and grace periods of the sim's %s scenario)", p.strategy().name(), 100 * p.fallbackShare(),
                    p.strategy().fallback().name(), Predictor.WINDOW_SCENARIO));
        }
        out.add(String.format(Locale.ROOT, "memory: %d bytes per object on %d possible CPUs (%s); holds if: %s",
                p.bytesPerObject(), t.hardwareThreads(), p.strategy().name(), Applicability.holdsIf(p.strategy())));
        out.add("counts are per operation: a capture of as many operations as the one given, not of as long a run");
        out.add(NOT_PREDICTED);
        return out;
    }

    /** What every prediction from {@code b} shares: the capture, target, machine, timing, rates and calibration. */
    public static List<String> context(Baseline b) {
        Capture c = b.replay().capture();
        Topology t = b.machine().topology();
        List<String> out = new ArrayList<>();
        out.add("capture: " + c.path() + " (" + c.lines().size() + " lines)");
        out.add("target: " + b.target().describe() + ": " + targets(b));
        out.add(String.format(Locale.ROOT, "machine: %s, %d of %d CPUs (%s); replays of %d operations, seed %d",
                t.name(), b.machine().cpus(), t.hardwareThreads(), t.description(), b.ops(), b.seed()));
        out.add(timing(b));
        out.add("rates: an accessor's accesses are its HITM samples over its line's write share (WHATIF.md)");
        for (CapturedLine l : b.target().lines(c)) {
            out.add(String.format(Locale.ROOT, "calibration: the before replay splits line %d's HITMs among its "
                    + "accessors within %.1f points of the capture", l.index(), b.splitErrorPts(l)));
        }
        return out;
    }

    static String targets(Baseline b) {
        List<String> parts = new ArrayList<>();
        for (CapturedLine l : b.target().lines(b.replay().capture())) {
            parts.add("line " + l.index() + " (" + Applicability.labels(b.target().of(l)) + ")");
        }
        return String.join("; ", parts);
    }

    static String timing(Baseline b) {
        Timing t = b.timing();
        if (!t.timed()) {
            return "timing: " + t.source() + "; HITM counts only, throughput not predicted";
        }
        return String.format(Locale.ROOT, "timing: the targeted lines take %.2f%% of CPU time before (%s): %.0f ns of "
                + "private work per operation make the before replay spend %.2f%% there", 100 * t.share(), t.source(),
                t.workNs(), 100 * PrivateWork.targetedTimeShare(b.before(), b.target(), b.replay()));
    }

    private static String line(PredictedLine l, int predictedIndex) {
        CapturedLine c = l.captured();
        String to = predictedIndex < 0 ? "gone" : "predicted line " + predictedIndex;
        if (l.simulated()) {
            long before = c.remote() + c.local();
            double unlisted = before == 0 ? 0 : 100 * (1 - c.hitm() / before);
            return String.format(Locale.ROOT, "line %d -> %s: simulated, %d -> %d HITM (remote %d -> %d, local %d -> %d)%s",
                    c.index(), to, before, l.hitm(), c.remote(), l.remote(), c.local(), l.local(), unlisted < 0.5 ? ""
                            : String.format(Locale.ROOT, "; the %.1f%% of its HITMs no listed accessor has is carried over",
                                    unlisted));
        }
        return String.format(Locale.ROOT, "line %d -> %s: carried over, %d HITM (the replay changes it by %+.1f%%)",
                c.index(), to, l.hitm(), l.simulatedChangePct());
    }
}

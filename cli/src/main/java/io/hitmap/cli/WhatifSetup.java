// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import io.hitmap.analysis.HitmapDb;
import io.hitmap.ingest.PerfParseException;
import io.hitmap.sim.Strategy;
import io.hitmap.sim.Topologies;
import io.hitmap.sim.Topology;
import io.hitmap.whatif.Baseline;
import io.hitmap.whatif.Capture;
import io.hitmap.whatif.CaptureReader;
import io.hitmap.whatif.CapturedLine;
import io.hitmap.whatif.StoredHeaderTopology;
import io.hitmap.whatif.Machine;
import io.hitmap.whatif.PredictionNotes;
import io.hitmap.whatif.Target;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The files and options of {@code hitmap whatif} -> the capture in the database, the target, the machine,
 * the strategy and the before replay, each problem turned into its one-line error (usage 2, bad input 3).
 */
record WhatifSetup(Capture capture, Baseline baseline, Strategy strategy, Integer compareId) {

    static WhatifSetup open(WhatifCommand cmd, HitmapDb db, PrintWriter err) throws Exception {
        boolean lenient = cmd.root.lenient;
        if (cmd.compare != null) {
            Inputs.requireStdinOnce(List.of(cmd.before, cmd.compare));
        }
        int beforeId = CaptureFile.insert(db, cmd.before, lenient, err, CaptureFile.Accept.C2C);
        Integer compareId = cmd.compare == null ? null
                : CaptureFile.insert(db, cmd.compare, lenient, err, CaptureFile.Accept.C2C);
        Integer profileId = null;
        if (cmd.profile != null) {
            profileId = CaptureFile.insertProfile(db, cmd.profile, lenient, err);
        }
        Capture c = CaptureReader.read(db, beforeId, profileId);
        String file = Inputs.path(cmd.before).toString();
        requireReplayable(c, file);
        Target t = target(cmd.target, c, file);
        Strategy s = cmd.sweep ? null : cmd.chosenStrategy(c, t);
        Machine m = machine(cmd, db, profileId, c);
        Double share = cmd.share == null ? null : cmd.share / 100;
        String source = "given with --share";
        if (cmd.profile != null) {
            share = profileShare(c, t, cmd.profile.toString());
            source = "est-cost in " + cmd.profile + ", as 'hitmap lines --profile' apportions its symbols' self time";
        }
        try {
            return new WhatifSetup(c, Baseline.of(c, t, m, share, source, cmd.ops, cmd.seed), s, compareId);
        } catch (IllegalArgumentException e) {
            throw CommandFailure.usage(e.getMessage(), "a share of CPU time the replay can reach; see WHATIF.md", e);
        }
    }

    List<String> context() {
        return PredictionNotes.context(baseline);
    }

    static String commented(List<String> lines) {
        return lines.stream().map(l -> "# " + l + "\n").collect(Collectors.joining());
    }

    private static void requireReplayable(Capture c, String file) throws PerfParseException {
        if (c.lines().isEmpty()) {
            throw new PerfParseException(file, 0, "expected cache lines (a Shared Data Cache Line Table or Pareto "
                    + "blocks), found statistics only", "capture with 'perf c2c report --stdio' without --stats");
        }
        if ("peer".equals(c.metric())) {
            throw new PerfParseException(file, 0, "expected HITM counts, found peer snoops (perf c2c -d peer, Arm SPE)",
                    "what-if replays HITMs: a capture from an x86 machine (Intel or AMD) with perf c2c's HITM display");
        }
    }

    private static Target target(String spec, Capture c, String file) throws CommandFailure {
        Target t;
        try {
            t = Target.parse(spec);
        } catch (IllegalArgumentException e) {
            throw CommandFailure.usage(e.getMessage(), "e.g. --target 0 or --target '(override|revert)_creds'", e);
        }
        if (!t.lines(c).isEmpty()) {
            return t;
        }
        String hint = "name the get/put accessors with --target SYMBOL-PATTERN ('hitmap lines " + file + "' shows them)";
        if (t.line() != null && c.line(t.line()) == null) {
            throw CommandFailure.usage(file + ": no line " + t.line() + " (lines " + c.lines().stream()
                    .map(l -> String.valueOf(l.index())).collect(Collectors.joining(", ")) + ")", hint, null);
        }
        String classes = c.lines().stream().map(l -> "line " + l.index() + " " + l.cls())
                .collect(Collectors.joining(", "));
        throw CommandFailure.usage(file + ": nothing to apply a strategy to: " + t.describe() + " select no accessor ("
                + classes + ")", hint, null);
    }

    private static Machine machine(WhatifCommand cmd, HitmapDb db, Integer profileId, Capture c) throws Exception {
        Topology t;
        if (cmd.topology.equals("header")) {
            try {
                t = StoredHeaderTopology.read(db, profileId, cmd.profile.toString());
            } catch (IllegalArgumentException e) {
                throw CommandFailure.badInput(e.getMessage(),
                        "write the profile with the topology: perf report --header -I --stdio > REPORT; or give a preset", e);
            }
        } else {
            try {
                t = Topologies.byName(cmd.topology);
            } catch (IllegalArgumentException e) {
                throw CommandFailure.usage(e.getMessage(), "or 'header' to read it from --profile", e);
            }
        }
        if (cmd.cpus == null) {
            return Machine.forCapture(t, c.nodes());
        }
        try {
            return new Machine(t, cmd.cpus);
        } catch (IllegalArgumentException e) {
            throw CommandFailure.usage("--cpus " + cmd.cpus + ": " + e.getMessage(), "pick a count the topology has", e);
        }
    }

    /** The targeted lines' est-cost in the profile (percent -> fraction), or the one-line error saying none matched. */
    private static double profileShare(Capture c, Target t, String profile) throws PerfParseException {
        double pct = 0;
        for (CapturedLine l : t.lines(c)) {
            Double cost = l.line().estCostPct();
            pct += cost == null ? 0 : cost;
        }
        if (!(pct > 0)) {
            String symbols = t.lines(c).stream().flatMap(l -> l.accessors().stream())
                    .map(a -> a.row().symbol()).distinct().collect(Collectors.joining(", "));
            throw new PerfParseException(profile, 0, "expected samples in the targeted lines' accessors (" + symbols
                    + "), found none", "the profile must be of the same run: perf record -g, then perf report --stdio");
        }
        if (pct >= 100) {
            throw new PerfParseException(profile, 0, "expected the targeted lines' share of CPU time below 100%, found "
                    + pct + "%", "check that the profile is of the same run");
        }
        return pct / 100;
    }
}

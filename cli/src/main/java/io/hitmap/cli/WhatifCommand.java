// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import io.hitmap.analysis.HitmapDb;
import io.hitmap.analysis.ResultTable;
import io.hitmap.report.ResultTableWriter;
import io.hitmap.report.TableFormat;
import io.hitmap.sim.Strategies;
import io.hitmap.sim.Strategy;
import io.hitmap.whatif.Applicability;
import io.hitmap.whatif.Baseline;
import io.hitmap.whatif.Comparison;
import io.hitmap.whatif.PredictedC2cText;
import io.hitmap.whatif.PredictedCapture;
import io.hitmap.whatif.PredictionNotes;
import io.hitmap.whatif.PredictionTable;
import io.hitmap.whatif.Predictor;
import io.hitmap.whatif.Sweep;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hitmap whatif}: a c2c capture and a refcount strategy -> the predicted after-capture. */
@Command(name = "whatif", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Replays a 'perf c2c report --stdio' capture in the simulator under another refcount strategy and "
                    + "prints the predicted after-capture, before anyone writes the patch.",
            "The workload comes from the capture: each contended line's accessors (writers: atomics, locks, "
                    + "stores; the rest read), their rates (an accessor's HITM samples over its line's write "
                    + "share), the NUMA nodes. The strategy replaces the gets and puts of the target (default: "
                    + "the refcount accessors of the lines classed refcount); both the workload as captured and "
                    + "the changed one run on the machine's model, and each targeted line's counts are scaled to "
                    + "samples by its own before replay. Other lines are carried over as captured.",
            "Text output is perf c2c text with a '#' block saying how it was predicted: 'hitmap lines', 'diff' "
                    + "and 'report' read it. Throughput and CPU time need the targeted lines' share of CPU time "
                    + "(--profile or --share); without it the replay runs at light load and predicts HITMs only. "
                    + "The method and its limits: WHATIF.md."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  hitmap whatif sample-traces/overlayfs-creds-before.c2c.txt --strategy no-ref --topology spr-8480-2s",
            "  hitmap whatif sample-traces/overlayfs-creds-before.c2c.txt --strategy no-ref --topology spr-8480-2s \\",
            "      --compare sample-traces/overlayfs-creds-after.c2c.txt",
            "  hitmap whatif sample-traces/overlayfs-creds-before.c2c.txt --sweep --topology spr-8480-2s --share 5.7",
            "  hitmap whatif app.c2c.txt --profile app.perf-report.txt --topology header --strategy percpu-ref -o pred.c2c.txt",
            "  hitmap whatif app.c2c.txt --topology epyc-9654-2s --strategy rcuref --target 'kref_(get|put)' --format csv"})
final class WhatifCommand extends Subcommand {
    @Parameters(paramLabel = "BEFORE", arity = "1", description = "The perf c2c report text to replay; - reads standard input.")
    Path before;

    @Option(names = "--strategy", paramLabel = "S",
            description = "The strategy to apply: kref, kref-unless-zero, rcuref, percpu-ref, managed-percpu, hazptr, "
                    + "task-local, no-ref, rcu-read (sim's names).")
    String strategy;

    @Option(names = "--sweep", description = "Every strategy, ranked (those that do not apply are said why).")
    boolean sweep;

    @Option(names = "--target", paramLabel = "LINE|PATTERN",
            description = "A line number (its refcount accessors) or a regular expression found in the accessors' "
                    + "symbols (default: the refcount accessors of the lines classed refcount).")
    String target;

    @Option(names = "--topology", paramLabel = "PRESET|header",
            description = "The machine: a sim preset (epyc-9654-1s, epyc-9654-2s, icelake-8358-2s, spr-8480-2s) or "
                    + "'header' for the --profile's 'perf report --header -I' block. c2c text names no machine.")
    String topology;

    @Option(names = "--cpus", paramLabel = "N",
            description = "CPUs the workload ran on (default: every hardware thread of as many sockets as the "
                    + "capture names NUMA nodes).")
    Integer cpus;

    @Option(names = {"-p", "--profile"}, paramLabel = "REPORT",
            description = "A 'perf report --stdio' of the same run: the targeted lines' share of CPU time (the "
                    + "est-cost of 'hitmap lines --profile') times the run, so throughput can be predicted.")
    Path profile;

    @Option(names = "--share", paramLabel = "PCT",
            description = "Instead of --profile: the percent of CPU time the targeted lines' accessors take.")
    Double share;

    @Option(names = "--compare", paramLabel = "AFTER",
            description = "The capture measured after the change: predicted and measured lines side by side, "
                    + "with the error per line.")
    Path compare;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Also write the predicted capture (c2c text) here.")
    Path output;

    @Option(names = "--ops", paramLabel = "N", defaultValue = "" + Baseline.DEFAULT_OPS,
            description = "Operations per replay (default: ${DEFAULT-VALUE}).")
    long ops;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + Baseline.DEFAULT_SEED,
            description = "The simulator's seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() throws Exception {
        checkOptions();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        try (HitmapDb db = HitmapDb.inMemory()) {
            WhatifSetup setup = WhatifSetup.open(this, db, err);
            Baseline b = setup.baseline();
            if (sweep) {
                ResultTableWriter.write(Sweep.run(b), format.format, out);
                if (format.format == TableFormat.TEXT) {
                    out.print(WhatifSetup.commented(setup.context()));
                    out.flush();
                }
                return 0;
            }
            Strategy s = setup.strategy();
            PredictedCapture p = Predictor.predict(b, s);
            List<String> notes = PredictionNotes.of(p, command());
            String text = PredictedC2cText.write(p, notes);
            if (output != null) {
                write(output, text);
            }
            if (compare != null) {
                ResultTable t = Comparison.compare(db, p, setup.compareId());
                ResultTableWriter.write(t, format.format, out);
                if (format.format == TableFormat.TEXT) {
                    out.printf(Locale.ROOT, "mean |error| %.2f share points (simulated lines %.2f, carried over %.2f)%n",
                            Comparison.meanAbsErrorPts(t, null), Comparison.meanAbsErrorPts(t, "simulated"),
                            Comparison.meanAbsErrorPts(t, "carried over"));
                    out.print(WhatifSetup.commented(notes));
                }
            } else if (format.format == TableFormat.TEXT) {
                out.print(output == null ? text : WhatifSetup.commented(notes) + "# predicted capture: " + output + "\n");
            } else {
                ResultTableWriter.write(PredictionTable.of(p), format.format, out);
            }
            out.flush();
        }
        return 0;
    }

    @Override
    String problem() {
        if (sweep == (strategy != null)) {
            return sweep ? "give --strategy S or --sweep, not both" : "missing --strategy S (or --sweep for every strategy)";
        }
        if (sweep && compare != null) {
            return "--compare needs one --strategy, not --sweep";
        }
        if (topology == null) {
            return "missing --topology: c2c text names no machine; give a preset (epyc-9654-1s, epyc-9654-2s, "
                    + "icelake-8358-2s, spr-8480-2s) or 'header' with a --profile captured with perf report --header -I";
        }
        if (topology.equals("header") && profile == null) {
            return "--topology header reads the machine from --profile REPORT; give one, or a preset";
        }
        if (share != null && profile != null) {
            return "give --profile or --share, not both";
        }
        if (share != null && !(share > 0 && share < 100)) {
            return "--share must be above 0 and below 100 (percent of CPU time), found " + share;
        }
        if (ops < 1000) {
            return "--ops must be at least 1000, found " + ops;
        }
        if (output != null && Files.isDirectory(output)) {
            return "-o " + output + " is a directory; give a file name";
        }
        return null;
    }

    /** The command as typed, for the prediction's own header. */
    private String command() {
        return "hitmap " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }

    private static void write(Path file, String text) throws CommandFailure {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CommandFailure.badInput(file + ": cannot write: " + e.getMessage(), "check the directory exists and is writable", e);
        }
    }

    /** The strategy named on the command line, applicable to the target, or a usage error saying why not. */
    Strategy chosenStrategy(io.hitmap.whatif.Capture c, io.hitmap.whatif.Target t) throws CommandFailure {
        List<Strategy> parsed;
        try {
            parsed = Strategies.parse(strategy);
        } catch (IllegalArgumentException e) {
            throw CommandFailure.usage(e.getMessage(), "see 'hitmap whatif --help'", e);
        }
        if (parsed.size() != 1) {
            throw CommandFailure.usage("--strategy takes one strategy, found " + strategy, "for several, use --sweep", null);
        }
        String why = Applicability.whyNot(parsed.get(0), c, t);
        if (why != null) {
            throw CommandFailure.usage("strategy " + parsed.get(0).name() + " does not apply: " + why,
                    "--sweep lists the strategies that apply; --target names other accessors", null);
        }
        return parsed.get(0);
    }
}

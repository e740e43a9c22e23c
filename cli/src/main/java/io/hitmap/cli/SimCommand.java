// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import io.hitmap.analysis.Decimals;
import io.hitmap.analysis.ResultTable;
import io.hitmap.ingest.PerfText;
import io.hitmap.report.ResultTableWriter;
import io.hitmap.report.TableFormat;
import io.hitmap.sim.HeaderTopology;
import io.hitmap.sim.Prediction;
import io.hitmap.sim.Scenario;
import io.hitmap.sim.ScenarioJson;
import io.hitmap.sim.Simulator;
import io.hitmap.sim.Strategies;
import io.hitmap.sim.Strategy;
import io.hitmap.sim.SweepNotes;
import io.hitmap.sim.Topology;
import io.hitmap.sim.Validation;
import io.hitmap.whatif.SimulatedC2cText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hitmap sim}: a scenario x refcount strategies x CPU counts -> the predicted scaling table. */
@Command(name = "sim", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, subcommands = SimCommand.Validate.class,
        description = {
            "Predicts throughput, scaling efficiency (against the scenario's baseline CPU count, per strategy), "
                    + "HITMs per operation on the object's line and memory for each refcount strategy, from a "
                    + "seeded discrete-event simulation of cache-line ownership ('eff') and a queueing model "
                    + "('mva_eff'); 'disagree' is their difference in points.",
            "Scenarios: a preset (nginx-apparmor) or a JSON file (format: sim/SCENARIOS.md)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  hitmap sim --scenario nginx-apparmor --strategies all --cpus 16,32,48,96,192",
            "  hitmap sim --scenario my-workload.json --strategies kref,percpu-ref --format csv",
            "  hitmap sim validate"})
final class SimCommand extends Subcommand {
    @Option(names = "--scenario", paramLabel = "NAME|FILE", defaultValue = "nginx-apparmor",
            description = "A preset name or a scenario JSON file (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--strategies", paramLabel = "LIST", defaultValue = "all",
            description = "Comma-separated strategies, or all: off, kref, kref-unless-zero, rcuref, percpu-ref, "
                    + "managed-percpu, managed-percpu-swap, percpu-rcuref, adaptive, sloppy, hazptr, task-local, "
                    + "no-ref, rcu-read, spinlock-count, spinlock, percpu-lock (default: ${DEFAULT-VALUE}).")
    String strategies;

    @Option(names = "--cpus", paramLabel = "N,N,...", split = ",",
            description = "CPU counts to simulate (default: the scenario's).")
    List<Integer> cpus;

    @Option(names = "--header", paramLabel = "FILE",
            description = "Simulate on the machine of this capture: the header of 'perf report --header -I' "
                    + "(sockets, SMT, L3 domains, cpudesc); costs come from the nearest sourced preset.")
    Path header;

    @Option(names = "--c2c", paramLabel = "DIR",
            description = "Also write each prediction as perf c2c text, DIR/SCENARIO-STRATEGY-CPUS.c2c.txt, for "
                    + "'hitmap lines', 'diff' and 'report' (counts are simulated accesses, not samples).")
    Path c2cDir;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() throws Exception {
        Scenario s = load(scenario);
        if (header != null) {
            s = s.on(machineOf(header));
        }
        List<Strategy> chosen;
        try {
            chosen = Strategies.parse(strategies);
        } catch (IllegalArgumentException e) {
            throw CommandFailure.usage(e.getMessage(), "see 'hitmap sim --help'", e);
        }
        if (cpus != null) {
            s = s.withCpus(cpus);
            int most = cpus.stream().mapToInt(Integer::intValue).max().orElse(0);
            if (s.baselineCpus() > most || s.baselineCpus() > s.machine().hardwareThreads()) {
                // the scenario's baseline is beyond the CPUs asked for: efficiency is against the smallest
                s = s.withBaseline(cpus.stream().mapToInt(Integer::intValue).min().orElse(1));
            }
        }
        List<Prediction> rows;
        Scenario resolved;
        try {
            resolved = Simulator.resolve(s);
            rows = Simulator.sweep(resolved, chosen);
        } catch (IllegalArgumentException e) {
            throw CommandFailure.usage(e.getMessage(), "pick CPU counts the scenario's topology has", e);
        }
        List<List<Object>> table = new ArrayList<>();
        double gpMs = resolved.rcuGracePeriodMs().value();
        for (Prediction p : rows) {
            table.add(java.util.Arrays.asList(p.strategy(), (long) p.cpus(), (long) p.l3Domains(), Decimals.round(p.opsPerSecond() / 1e6, 3),
                    Decimals.round(p.efficiencyPct(), 1), Decimals.round(p.analyticEfficiencyPct(), 1), Decimals.round(p.disagreementPts(), 1),
                    Decimals.round(p.lclHitmPerOp(), 2), Decimals.round(p.rmtHitmPerOp(), 2), Decimals.round(p.casRetriesPerCas(), 2),
                    Decimals.round(100 * p.hookShare(), 2), p.bytesPerObject(), p.memoryBytes(), orNull(p.reclaimDelayMs()),
                    Decimals.round(p.rcuCallbacksPerSecond(), 1), Decimals.round(p.rcuGracePeriodsPerSecond(gpMs), 1)));
        }
        ResultTableWriter.write(new ResultTable(List.of("strategy", "cpus", "l3_domains", "mops", "eff", "mva_eff",
                "disagree", "lcl_hitm_per_op", "rmt_hitm_per_op", "cas_retries", "hook_pct", "bytes_per_object",
                "memory_bytes", "reclaim_ms", "rcu_cb_per_s", "rcu_gp_per_s"), table), format.format, spec.commandLine().getOut());
        if (c2cDir != null) {
            writeC2c(resolved, rows);
        }
        if (format.format == TableFormat.TEXT) {
            PrintWriter out = spec.commandLine().getOut();
            for (String note : SweepNotes.of(s, resolved, rows)) {
                out.println(note);
            }
            out.flush();
        }
        return 0;
    }

    private void writeC2c(Scenario resolved, List<Prediction> rows) throws CommandFailure {
        try {
            Files.createDirectories(c2cDir);
            for (Prediction p : rows) {
                Path file = c2cDir.resolve(resolved.name() + "-" + p.strategy() + "-" + p.cpus() + ".c2c.txt");
                Files.writeString(file, SimulatedC2cText.write(p, List.of(
                        "SIMULATED by hitmap sim, not measured: scenario " + resolved.name() + ", strategy "
                                + p.strategy() + ", " + p.cpus() + " CPUs",
                        "machine: " + resolved.machine().name() + ", " + resolved.machine().description(),
                        String.format(Locale.ROOT, "counts: every access of %d measured operations (seed %d), not samples",
                                resolved.measuredOps(), resolved.seed()))), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw CommandFailure.badInput("--c2c " + c2cDir + ": " + e.getMessage(), "give a directory hitmap can write", e);
        }
    }

    /** The topology a capture's header describes; a header without it is bad input naming the fix. */
    static Topology machineOf(Path file) throws CommandFailure {
        List<String> lines = new ArrayList<>();
        try (PerfText text = PerfText.open(file)) {
            BufferedReader r = text.reader();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String plain = PerfText.unquote(line).strip();
                if (!plain.isEmpty() && !plain.startsWith("#")) {
                    break; // the header is the leading comment block
                }
                lines.add(plain);
            }
        } catch (IOException e) {
            throw CommandFailure.badInput(file + ": " + e.getMessage(), "give a readable perf report --header -I file", e);
        }
        try {
            return HeaderTopology.parse(lines);
        } catch (IllegalArgumentException e) {
            throw CommandFailure.badInput(file + ":" + Math.max(1, lines.size()) + ": " + e.getMessage(),
                    "save it with 'perf report --header -I -i perf.data > header.txt', or leave out --header "
                            + "to simulate on the scenario's preset machine", e);
        }
    }

    static Scenario load(String nameOrPath) throws CommandFailure {
        try {
            return ScenarioJson.load(nameOrPath);
        } catch (IllegalArgumentException | IOException e) {
            throw CommandFailure.badInput(e.getMessage(), "a scenario file is JSON as described in sim/SCENARIOS.md", e);
        }
    }

    /** A value, or null (printed empty / JSON null) when the strategy does not bound it. */
    private static Object orNull(double v) {
        return Double.isNaN(v) ? null : Decimals.round(v, 1);
    }

    /** {@code hitmap sim validate}: the published nginx + AppArmor table vs the simulator, error per cell. */
    @Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Prints the published scaling efficiency of nginx with AppArmor off, on (kref) and on "
                    + "(managed percpu_ref) on an EPYC 9654 (seeds/000) beside the simulator's prediction, the error "
                    + "in points and which cell is the one calibration point."})
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--calibration", paramLabel = "STRATEGY@CPUS",
                description = "Fit the background to this published cell instead of the scenario's (off@192), "
                        + "e.g. off@32: shows how the errors depend on the cell chosen.")
        String calibration;

        @Mixin
        FormatOption format;

        @Override
        public Integer call() throws Exception {
            Scenario nginx = load("nginx-apparmor");
            if (calibration != null) {
                try {
                    nginx = Validation.calibratedAt(nginx, calibration);
                } catch (IllegalArgumentException e) {
                    throw CommandFailure.usage(e.getMessage(), "e.g. --calibration off@32", e);
                }
            }
            Validation.Report r = Validation.run(nginx);
            List<List<Object>> table = new ArrayList<>();
            for (Validation.Cell c : r.cells()) {
                table.add(List.of(c.strategy(), (long) c.cpus(), (long) c.l3Domains(), c.published(),
                        Decimals.round(c.predicted(), 1), Decimals.round(c.errorPts(), 1), Decimals.round(c.analytic(), 1), c.calibrated()));
            }
            PrintWriter out = spec.commandLine().getOut();
            ResultTableWriter.write(new ResultTable(List.of("strategy", "cpus", "l3_domains", "published", "predicted",
                    "error", "mva_predicted", "calibration"), table), format.format, out);
            if (format.format == TableFormat.TEXT) {
                Scenario s = r.resolved();
                out.printf(Locale.ROOT, "source: %s%n", Validation.SOURCE);
                out.printf(Locale.ROOT, "calibration point: %s at %d CPUs = %.0f %% (fits %.1f background transfers per op)%n",
                        s.calibration().strategy(), s.calibration().cpus(), s.calibration().efficiencyPct(),
                        s.backgroundTransfersPerOp());
                out.printf(Locale.ROOT, "private work derived from the profile (%s): %.0f ns per operation%n",
                        s.profile().source(), s.privateWorkNs());
                out.printf(Locale.ROOT, "max |error| outside the calibration point: %.1f points (target 3); "
                        + "order wrong at CPUs: %s (published gaps of %.0f point or less count as ties)%n",
                        r.maxAbsErrorPts(), r.orderMismatches(), Validation.TIE_PTS);
                out.flush();
            }
            List<List<Object>> checks = new ArrayList<>();
            for (Validation.Check c : Validation.otherChecks()) {
                checks.add(List.of(c.name(), c.published(), Decimals.round(c.predicted(), 2), c.unit(), c.calibrated(), c.source()));
            }
            if (format.format == TableFormat.TEXT) {
                out.println();
                out.println("other published figures:");
            }
            ResultTableWriter.write(new ResultTable(List.of("check", "published", "predicted", "unit", "calibration",
                    "source"), checks), format.format, out);
            return 0;
        }
    }
}

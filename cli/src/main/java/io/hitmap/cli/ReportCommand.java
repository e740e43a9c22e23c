// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import io.hitmap.analysis.ContendedLines;
import io.hitmap.analysis.DiffSide;
import io.hitmap.analysis.HitmapDb;
import io.hitmap.analysis.LineDiff;
import io.hitmap.analysis.RankedLine;
import io.hitmap.analysis.StatsOnlyCaptures;
import io.hitmap.ingest.PerfParseException;
import io.hitmap.report.HtmlReport;
import io.hitmap.report.ProfileData;
import io.hitmap.report.SimResults;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hitmap report}: captures (or a before/after pair) -> one self-contained HTML file. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Writes one HTML file that shows what 'hitmap lines' (or with --diff, 'hitmap diff') knows: a summary in "
                    + "plain words (captures, totals, the top lines with their class and remedy), the contended lines "
                    + "as a table to sort and filter, each line opening to its accessors and a map of its 64 bytes "
                    + "(who writes and who reads which offset), the NUMA nodes and CPUs of the accessors, for "
                    + "perf report or perf script inputs the hottest symbols, a flame graph of each perf script "
                    + "(click to zoom, search) and, with --sim, the simulator's scaling curves and memory cost.",
            "The file stands alone: its CSS, script and data are inside it, it fetches nothing and its "
                    + "Content-Security-Policy forbids network access, so it opens from file:// or a mail attachment. "
                    + "The same inputs give the same bytes (no time or host name inside)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  hitmap report sample-traces/overlayfs-creds-before.c2c.txt -o overlayfs.html",
            "  hitmap report --diff sample-traces/overlayfs-creds-before.c2c.txt sample-traces/overlayfs-creds-after.c2c.txt -o diff.html",
            "  hitmap report app.c2c.txt app.perf-report.txt -o app.html",
            "  hitmap report app.c2c.txt app.perf-script.txt -o app.html",
            "  hitmap sim --scenario nginx-apparmor --strategies all --format json > sim.json",
            "  hitmap report app.c2c.txt --sim sim.json -o app.html",
            "  hitmap report --store c2c.duckdb --top 200 -o store.html",
            "  hitmap report --diff --store c2c.duckdb --before 1 --after 2 -o diff.html",
            "  ssh box perf c2c report --stdio -i perf.data | hitmap report - -o box.html"})
final class ReportCommand extends Subcommand {
    @Mixin
    InputOptions input;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
            description = "The HTML file to write (replaced if it exists); - writes standard output.")
    Path output;

    @Option(names = "--diff", description = "Compare two c2c captures, BEFORE and AFTER (files, or --store with --before and --after).")
    boolean diff;

    @Option(names = "--before", paramLabel = "ID", description = "With --diff --store: the capture_id of the before capture.")
    Integer beforeId;

    @Option(names = "--after", paramLabel = "ID", description = "With --diff --store: the capture_id of the after capture.")
    Integer afterId;

    @Option(names = {"-n", "--top"}, paramLabel = "N",
            description = "Lines per capture (default: every line).")
    Integer top;

    @Option(names = {"-a", "--accessors"}, paramLabel = "M", defaultValue = "10",
            description = "Accessors per line (default: ${DEFAULT-VALUE}).")
    int accessors;

    @Option(names = "--sim", paramLabel = "SIM.json",
            description = "Add simulator results: the output of 'hitmap sim ... --format json' (scaling curves per strategy, memory cost). "
                    + "Alone, the report shows only them.")
    Path sim;

    @Option(names = "--min-score", paramLabel = "X", defaultValue = "0.2",
            description = "With --diff: the fingerprint score (0 to 1) two lines need to match (default: ${DEFAULT-VALUE}).")
    double minScore;

    @Override
    public Integer call() throws Exception {
        checkOptions();
        PrintWriter err = spec.commandLine().getErr();
        String html;
        int lineCap = top == null ? Integer.MAX_VALUE : top;
        SimResults simResults = sim == null ? null : readSim();
        if (diff) {
            try (HitmapDb db = input.store != null ? Inputs.openStore(input.store, true)
                    : Inputs.open(input.files, null, root.lenient, err)) {
                DiffSide before = side(db, input.store != null ? beforeId : 1);
                DiffSide after = side(db, input.store != null ? afterId : 2);
                List<RankedLine> lines = ContendedLines.rank(db, lineCap, accessors).stream()
                        .filter(l -> l.captureId() == before.captureId() || l.captureId() == after.captureId())
                        .toList();
                html = HtmlReport.diff(LineDiff.compare(db, before, after, minScore), lines, simResults);
            }
        } else if (input.files.isEmpty() && input.store == null) {
            html = HtmlReport.lines(List.of(), List.of(), ProfileData.NONE, simResults);
        } else {
            try (HitmapDb db = Inputs.open(input.files, input.store, root.lenient, CaptureFile.Accept.ANY, err)) {
                html = HtmlReport.lines(ContendedLines.rank(db, lineCap, accessors), StatsOnlyCaptures.list(db),
                        ProfileData.of(db), simResults);
            }
        }
        write(html);
        return 0;
    }

    @Override
    String problem() {
        String p = input.problem(sim == null);
        if (p != null) {
            return p;
        }
        if (top != null && top < 1) {
            return "--top must be at least 1, found " + top;
        }
        if (accessors < 0) {
            return "--accessors must be 0 or more, found " + accessors;
        }
        if (!diff && (beforeId != null || afterId != null)) {
            return "--before and --after go with --diff";
        }
        if (diff && input.store == null && input.files.size() != 2) {
            return "--diff expects two files, BEFORE and AFTER, found " + input.files.size();
        }
        if (diff && input.store == null && (beforeId != null || afterId != null)) {
            return "--before and --after need --store; with files, give BEFORE AFTER";
        }
        if (diff && input.store != null && (beforeId == null || afterId == null)) {
            return "--diff --store needs --before ID and --after ID";
        }
        if (!(minScore > 0 && minScore <= 1)) {
            return "--min-score must be above 0 and at most 1, found " + minScore;
        }
        return null;
    }

    private SimResults readSim() throws CommandFailure, PerfParseException {
        if (Files.isDirectory(sim)) {
            throw CommandFailure.badInput(sim + ": is a directory", "give the file 'hitmap sim ... --format json' wrote", null);
        }
        Inputs.requireReadableFile(sim);
        try {
            return SimResults.read(sim);
        } catch (IOException e) {
            throw CommandFailure.badInput(sim + ": cannot read: " + e.getMessage(), "check that the whole file reads", e);
        }
    }

    private DiffSide side(HitmapDb db, int id) throws Exception {
        DiffSide s = DiffSide.of(db, id);
        String list = StoreHint.listCaptures(input.store);
        if (s == null) {
            throw CommandFailure.usage(input.store + ": capture " + id + " is not in the store", list, null);
        }
        if (!s.kind().equals("c2c")) {
            throw CommandFailure.usage((input.store != null ? input.store + ": capture " + id : s.path())
                    + ": expected a perf c2c capture, found " + s.kind(), list, null);
        }
        return s;
    }

    private void write(String html) throws CommandFailure {
        if (output.toString().equals("-")) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(html);
            out.flush();
            return;
        }
        try {
            Files.writeString(output, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CommandFailure.usage(output + ": cannot write: " + e.getMessage(),
                    "check that its directory exists and is writable: ls -ld " + output.toAbsolutePath().getParent(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(output + "\n");
        out.flush();
    }
}

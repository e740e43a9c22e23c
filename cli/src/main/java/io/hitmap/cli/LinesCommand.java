// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import io.hitmap.analysis.ContendedLines;
import io.hitmap.analysis.ClassifyRules;
import io.hitmap.analysis.HitmapDb;
import io.hitmap.analysis.ResultTable;
import java.nio.file.Path;
import java.sql.SQLException;
import io.hitmap.analysis.RankedLine;
import io.hitmap.analysis.StatsOnlyCapture;
import io.hitmap.analysis.StatsOnlyCaptures;
import io.hitmap.report.LinesWriter;
import io.hitmap.report.StatsOnlyText;
import io.hitmap.report.TableFormat;
import io.hitmap.report.TerminalText;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hitmap lines}: captures -> their most contended cache lines, each with its top accessors. */
@Command(name = "lines", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Ranks the cache lines of each capture by HITM (or by peer snoops on Arm SPE captures, perf c2c -d peer) and shows "
                    + "who touches them: offset, code address, symbol, source:line, remote/local shares, store shares, "
                    + "mean load cycles, CPU count and NUMA nodes.",
            "A line's percentage is perf's own (of all HITMs of the run) when the capture has it, else its share "
                    + "of the lines listed in the file. Accessors are ordered by the samples they are estimated to "
                    + "contribute to the line: their remote, local and store shares times the line's counts.",
            "Each line is classified with its evidence and a confidence: refcount (get/put atomics), lock, true "
                    + "sharing (one counter written from many CPUs), false sharing (readers of other fields, named), "
                    + "with the store/load and remote/local mix and a remedy. The rules are data "
                    + "(classify-rules.tsv; add yours with --rules FILE); the SQL is the view line_classes.",
            "With --profile, each accessor also shows its symbol's self and total (with callees) share of the "
                    + "profile, and est-cost: the symbol's self share split over the lines it touches in proportion "
                    + "to its samples there. A line's estimated cost is the sum over its accessors, and lines rank by "
                    + "it: a line hammered by a function that takes 6%% of the CPU outranks one with more HITMs in a "
                    + "function that barely runs."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  hitmap lines sample-traces/overlayfs-creds-before.c2c.txt",
            "  hitmap lines --top 3 --accessors 10 before.c2c.txt after.c2c.txt",
            "  hitmap lines --store c2c.duckdb --format csv > lines.csv",
            "  hitmap lines --lenient pasted-from-email.c2c.txt",
            "  hitmap lines nginx.c2c.txt --profile nginx.perf-report.txt",
            "  hitmap lines --store c2c.duckdb --profile-id 4",
            "  hitmap lines app.c2c.txt --rules my-locks.tsv",
            "  ssh box perf c2c report --stdio -i perf.data | hitmap lines -"})
final class LinesCommand extends Subcommand {
    @Mixin
    InputOptions input;

    @Option(names = {"-n", "--top"}, paramLabel = "N", defaultValue = "10",
            description = "Lines to show per capture (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = {"-a", "--accessors"}, paramLabel = "M", defaultValue = "5",
            description = "Accessors to show per line (default: ${DEFAULT-VALUE}).")
    int accessors;

    @Option(names = {"-p", "--profile"}, paramLabel = "REPORT",
            description = "A 'perf report --stdio' of the same run: each accessor shows the share of samples its "
                    + "symbol has there, and lines rank by the profile time they cost (see below).")
    Path profile;

    @Option(names = "--profile-id", paramLabel = "ID",
            description = "With --store: the capture_id of a perf report ingested into the store, used as --profile.")
    Integer profileId;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "More classification rules (the format of analysis/.../classify-rules.tsv: "
                    + "kind<TAB>field<TAB>pattern<TAB>meaning), added to the built-in ones; repeatable.")
    List<Path> rules = new java.util.ArrayList<>();

    @Mixin
    FormatOption format;

    @Override
    String problem() {
        String problem = input.problem(true);
        if (problem == null && top < 1) {
            problem = "--top must be at least 1, found " + top;
        }
        if (problem == null && accessors < 0) {
            problem = "--accessors must be 0 or more, found " + accessors;
        }
        if (problem == null && profile != null && input.store != null) {
            problem = "--profile FILE reads files; with --store, ingest the report and pass --profile-id ID";
        }
        if (problem == null && profileId != null && input.store == null) {
            problem = "--profile-id needs --store; with files, pass --profile FILE";
        }
        return problem;
    }

    @Override
    public Integer call() throws Exception {
        checkOptions();
        PrintWriter err = spec.commandLine().getErr();
        try (HitmapDb db = Inputs.open(input.files, input.store, root.lenient, err)) {
            for (Path r : rules) {
                try {
                    ClassifyRules.add(db, r);
                } catch (java.io.IOException e) {
                    throw CommandFailure.badInput(r + ": cannot read: " + e.getMessage(), Inputs.NO_SUCH_FILE_HINT, e);
                }
            }
            Integer profileCapture = profileId;
            if (profile != null) {
                profileCapture = CaptureFile.insertProfile(db, profile, root.lenient, err);
            } else if (profileId != null) {
                requireProfileCapture(db, profileId);
            }
            List<RankedLine> lines = ContendedLines.rank(db, top, accessors, profileCapture);
            List<StatsOnlyCapture> statsOnly = StatsOnlyCaptures.list(db);
            String store = input.store == null ? null : input.store.toString();
            LinesWriter.write(lines, statsOnly, store, format.format, spec.commandLine().getOut());
            if (format.format == TableFormat.CSV) {
                // CSV holds lines only (text and JSON describe these captures); say on stderr what they hold
                for (StatsOnlyCapture c : statsOnly) {
                    err.print("hitmap: note: " + TerminalText.escape(StatsOnlyText.note(c, store)) + "\n");
                }
                err.flush();
            }
        }
        return 0;
    }

    private void requireProfileCapture(HitmapDb db, int id) throws SQLException, CommandFailure {
        ResultTable kinds = db.query("SELECT kind FROM captures WHERE capture_id = " + id);
        if (kinds.rows().isEmpty() || !"perf-report".equals(kinds.rows().get(0).get(0))) {
            throw CommandFailure.usage(input.store + ": capture " + id + " is "
                            + (kinds.rows().isEmpty() ? "not in the store" : "a " + kinds.rows().get(0).get(0) + " capture")
                            + ", expected a perf report",
                    StoreHint.listCaptures(input.store), null);
        }
    }
}

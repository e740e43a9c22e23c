// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import io.hitmap.analysis.DiffSide;
import io.hitmap.analysis.HitmapDb;
import io.hitmap.analysis.LineDiff;
import io.hitmap.analysis.ProfileDiff;
import io.hitmap.ingest.PerfParseException;
import io.hitmap.ingest.PerfText;
import io.hitmap.ingest.PerfTextKind;
import io.hitmap.report.DiffWriter;
import io.hitmap.report.ProfileDiffWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hitmap diff}: two captures of one kind -> what changed between them, and a summary paragraph. */
@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Compares two 'perf c2c report --stdio' captures, or two 'perf report --stdio' captures, of the same "
                    + "workload before and after a change, and ends with a paragraph for a patch cover letter.",
            "c2c: addresses change between runs, so lines are matched by what touches them. A line's fingerprint "
                    + "is its accessors (symbol, source:line, offset when printed), each weighted by its share of "
                    + "the line's estimated samples (as in 'hitmap lines'); two lines score the sum of the smaller "
                    + "weight of each item they share (0 to 1). Lines that are each other's best match with a score "
                    + "of at least --min-score persist; the others are removed (before only) or new (after only). "
                    + "For each line: HITM (or peer) before and after, the change, its share of the capture, and "
                    + "for a persisting line the accessors that are gone, new or changed. Source files compare "
                    + "without dots, so 'fairc:4118' (a dot lost in mail) matches 'fair.c:4118'.",
            "perf report: each symbol's self share before (baseline) and after and the change in points, "
                    + "like 'perf diff'.",
            "The SQL is the table macros line_matches, line_diff, line_accessor_diff and profile_diff, also "
                    + "usable from 'hitmap query' (ingest/SCHEMA.md)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  hitmap diff sample-traces/overlayfs-creds-before.c2c.txt sample-traces/overlayfs-creds-after.c2c.txt",
            "  hitmap diff --format json before.c2c.txt after.c2c.txt",
            "  hitmap diff --min-score 0.5 before.c2c.txt after.c2c.txt",
            "  hitmap diff sample-traces/refbench-shared.flat.txt sample-traces/refbench-local.flat.txt",
            "  hitmap diff --store c2c.duckdb --before 1 --after 2 --format csv",
            "  ssh box perf c2c report --stdio -i perf.data | hitmap diff before.c2c.txt -"})
final class DiffCommand extends Subcommand {
    @Mixin
    ProgressOption progress;

    @Parameters(paramLabel = "FILE", arity = "0..2",
            description = "BEFORE and AFTER: two perf c2c report texts or two perf report texts; - reads standard input.")
    List<Path> files = new ArrayList<>();

    @Option(names = {"-s", "--store"}, paramLabel = "S",
            description = "Read the two captures from this .duckdb store (written by 'hitmap ingest') instead of files.")
    Path store;

    @Option(names = "--before", paramLabel = "ID", description = "With --store: the capture_id of the before capture.")
    Integer beforeId;

    @Option(names = "--after", paramLabel = "ID", description = "With --store: the capture_id of the after capture.")
    Integer afterId;

    @Option(names = "--min-score", paramLabel = "X", defaultValue = "0.2",
            description = "The fingerprint score (0 to 1) two c2c lines need to match (default: ${DEFAULT-VALUE}).")
    double minScore;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() throws Exception {
        checkOptions();
        PrintWriter err = spec.commandLine().getErr();
        try (HitmapDb db = store != null ? Inputs.openStore(store, true) : openFiles(err)) {
            DiffSide before = side(db, store != null ? beforeId : 1);
            DiffSide after = side(db, store != null ? afterId : 2);
            requireSameKind(before, after);
            PrintWriter out = spec.commandLine().getOut();
            if (before.kind().equals("c2c")) {
                DiffWriter.write(LineDiff.compare(db, before, after, minScore), format.format, out);
            } else {
                ProfileDiffWriter.write(ProfileDiff.compare(db, before, after), format.format, out);
            }
        }
        return 0;
    }

    @Override
    String problem() {
        if (store != null && !files.isEmpty()) {
            return "give BEFORE AFTER files or --store S --before ID --after ID, not both";
        }
        if (store == null && files.size() != 2) {
            return "expected two files, BEFORE and AFTER, found " + files.size();
        }
        if (store == null && (beforeId != null || afterId != null)) {
            return "--before and --after need --store; with files, give BEFORE AFTER";
        }
        if (store != null && (beforeId == null || afterId == null)) {
            return "--store needs --before ID and --after ID";
        }
        if (!(minScore > 0 && minScore <= 1)) {
            return "--min-score must be above 0 and at most 1, found " + minScore;
        }
        return null;
    }

    private HitmapDb openFiles(PrintWriter err) throws Exception {
        for (Path f : files) {
            refusePerfScript(Inputs.path(f));
        }
        List<CaptureFile> opened = CaptureFile.openAll(files, root.lenient, false);
        for (CaptureFile f : opened) {
            if (f.script() != null) { // standard input, not sniffed above
                CaptureFile.discardAll(opened, new IllegalStateException());
                throw scriptError(f.file(), 0, null);
            }
        }
        if ((opened.get(0).c2c() == null) != (opened.get(1).c2c() == null)) {
            CaptureFile.discardAll(opened, new IllegalStateException());
            throw CommandFailure.usage(opened.get(1).file() + ": expected " + kindText(opened.get(0)) + " like "
                    + opened.get(0).file() + ", found " + kindText(opened.get(1)), SAME_KIND_HINT, null);
        }
        return Inputs.inMemory(opened, err);
    }

    private static final String SAME_KIND_HINT =
            "hitmap diff compares two 'perf c2c report --stdio' files or two 'perf report --stdio' files";

    private static String kindText(CaptureFile f) {
        return f.c2c() != null ? "perf c2c report text" : "perf report text";
    }

    /** A regular file of perf script text: the one-line error naming the line that tells, before anything is read. */
    private static void refusePerfScript(Path file) throws PerfParseException, CommandFailure {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (PerfText text = PerfText.open(file)) {
            PerfTextKind.Sniffed kind = PerfTextKind.sniff(text.head());
            if (kind.kind() == PerfTextKind.PERF_SCRIPT) {
                throw scriptError(file.toString(), kind.lineNo(), kind.line());
            }
        } catch (IOException e) {
            throw Inputs.cannotRead(file, e);
        }
    }

    private static PerfParseException scriptError(String file, int lineNo, String line) {
        return new PerfParseException(file, lineNo, "expected perf c2c report or perf report text, found "
                + PerfTextKind.PERF_SCRIPT.description() + (line == null ? "" : " " + PerfParseException.quote(line)),
                "hitmap diff compares profiles as 'perf report --stdio' text: perf report --stdio -i perf.data > FILE.txt");
    }

    private DiffSide side(HitmapDb db, int id) throws Exception {
        DiffSide s = DiffSide.of(db, id);
        if (s == null) {
            throw CommandFailure.usage(store + ": capture " + id + " is not in the store", listHint(), null);
        }
        if (!s.kind().equals("c2c") && !s.kind().equals("perf-report")) {
            throw CommandFailure.badInput((store != null ? store + ": capture " + id : s.path()) + ": expected perf c2c "
                    + "report or perf report text, found " + s.kind(), listHint(), null);
        }
        return s;
    }

    private void requireSameKind(DiffSide before, DiffSide after) throws CommandFailure {
        if (!before.kind().equals(after.kind())) {
            throw CommandFailure.usage(store + ": capture " + after.captureId() + ": expected a " + before.kind()
                    + " capture like capture " + before.captureId() + ", found " + after.kind(), SAME_KIND_HINT, null);
        }
    }

    private String listHint() {
        return StoreHint.listCaptures(store);
    }
}

// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import io.hitmap.analysis.HitmapDb;
import io.hitmap.ingest.c2c.C2cParseSummary;
import io.hitmap.ingest.profile.ProfileSummary;
import io.hitmap.ingest.script.ScriptSummary;
import io.hitmap.report.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hitmap ingest}: capture files -> new captures in a {@code .duckdb} store, one summary line each. */
@Command(name = "ingest", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Parses each FILE (perf c2c report or perf script text; the kind is told from the text) and adds "
                    + "it to the store as a new capture, so 'lines' and 'query' can read it later with --store. "
                    + "Each file streams into the store as it is parsed, so a file of any size takes little memory. All "
                    + "are added in one transaction: if one fails, or the command is stopped, the store is left as it was.",
            "A file whose bytes (SHA-256) are already in the store is skipped and named with its capture."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  hitmap ingest sample-traces/overlayfs-creds-before.c2c.txt --store c2c.duckdb",
            "  hitmap ingest --lenient *.c2c.txt --store c2c.duckdb",
            "  hitmap ingest perf-report.txt --store c2c.duckdb",
            "  perf script -i perf.data | hitmap ingest - --store profiles.duckdb",
            "  hitmap lines --store c2c.duckdb"})
final class IngestCommand extends Subcommand {
    @Mixin
    ProgressOption progress;

    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "Text written by 'perf c2c report --stdio', 'perf report --stdio' or 'perf script'; each "
                    + "file becomes one capture; - reads standard input.")
    List<Path> files;

    @Option(names = {"-s", "--store"}, paramLabel = "S", required = true,
            description = "The .duckdb store to add to; created when missing.")
    Path store;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<CaptureFile> opened = CaptureFile.openAll(files, root.lenient, true);
        List<HitmapDb.Added> added;
        try (HitmapDb db = Inputs.openStore(store, false)) {
            added = db.insertNew(opened.stream().map(CaptureFile::capture).toList());
        } catch (IOException e) {
            CaptureFile.discardAll(opened, e);
            throw CommandFailure.badInput(e.getMessage(), "check that the whole file reads; the store is unchanged", e);
        } catch (Exception e) {
            CaptureFile.discardAll(opened, e);
            throw e;
        }
        CaptureFile.warnAfterWrite(opened, err);
        for (int i = 0; i < opened.size(); i++) {
            String file = files.get(i).toString();
            HitmapDb.Added a = added.get(i);
            String line = a.duplicate()
                    ? file + ": already in the store as capture " + a.captureId() + " (same SHA-256), skipped"
                    : summary(file, a.captureId(), opened.get(i));
            out.print(TerminalText.escape(line) + "\n");
        }
        out.flush();
        return 0;
    }

    private static String summary(String file, int captureId, CaptureFile f) {
        if (f.c2c() != null) {
            return summary(file, captureId, f.c2c().summary());
        }
        if (f.profile() != null) {
            ProfileSummary p = f.profile().summary();
            return file + ": capture " + captureId + ", perf report, " + count(p.sections().size(), "section") + ", "
                    + count(p.entryCount(), "row") + ", " + count(p.nodeCount(), "call-graph node")
                    + (p.machine() == null ? "" : ", machine header") + " (" + count(p.linesRead(), "line")
                    + " read: " + p.linesUsed() + " used, " + p.linesStructural() + " structural, "
                    + p.linesSkipped() + " skipped)";
        }
        ScriptSummary s = f.script().summary();
        return file + ": capture " + captureId + ", " + count(s.samples(), "sample") + ", "
                + count(s.frames(), "frame") + " (" + count(s.linesRead(), "line") + " read: " + s.linesUsed()
                + " used, " + s.linesStructural() + " structural, " + s.linesSkipped() + " skipped)";
    }

    /**
     * {@code FILE: capture 3, 42 lines, 310 accessors (1234 lines read: 1180 used, 50 structural, 4 skipped)};
     * a count of 1 takes the singular: {@code 1 line, 1 accessor (1 line read: ...)}.
     */
    static String summary(String file, int captureId, C2cParseSummary c) {
        return file + ": capture " + captureId + ", " + count(c.lineCount(), "line") + ", "
                + count(c.accessCount(), "accessor") + " (" + count(c.linesRead(), "line") + " read: "
                + c.linesUsed() + " used, " + c.linesStructural() + " structural, " + c.linesSkipped() + " skipped)";
    }

    /** {@code 1 line}, {@code 0 lines}, {@code 2 lines}. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}

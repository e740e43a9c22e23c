// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import io.hitmap.analysis.HitmapDb;
import io.hitmap.ingest.PerfParseException;
import io.hitmap.ingest.arrow.ArrowCapture;
import io.hitmap.report.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hitmap ingest}: capture files -> new captures in a {@code .duckdb} store, one summary line each. */
@Command(name = "ingest", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Parses each FILE and adds it to the store as a new capture, so 'lines' and 'query' can read it "
                    + "later with --store. All files are parsed before the store is written, and all are added in "
                    + "one transaction: if one fails, the store is left as it was.",
            "A file whose bytes (SHA-256) are already in the store is skipped and named with its capture."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  hitmap ingest sample-traces/overlayfs-creds-before.c2c.txt --store c2c.duckdb",
            "  hitmap ingest --lenient *.c2c.txt --store c2c.duckdb",
            "  hitmap ingest perf-report.txt --store c2c.duckdb",
            "  hitmap lines --store c2c.duckdb"})
final class IngestCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "Text written by 'perf c2c report --stdio' or 'perf report --stdio'; each file becomes one "
                    + "capture; - reads standard input.")
    List<Path> files;

    @Option(names = {"-s", "--store"}, paramLabel = "S", required = true,
            description = "The .duckdb store to add to; created when missing.")
    Path store;

    @ParentCommand
    HitmapCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<ParsedFile> captures = Inputs.parseAny(files, root.lenient, spec.commandLine().getErr());
        List<String> report;
        try (HitmapDb db = Inputs.openStore(store, false)) {
            report = add(db, captures);
        }
        for (String line : report) {
            out.print(TerminalText.escape(line) + "\n");
        }
        out.flush();
        return 0;
    }

    /**
     * Adds every capture whose SHA-256 is not in the store yet, all in one transaction, and returns
     * one line per file: its new capture id, or the capture that already holds the same bytes.
     */
    private List<String> add(HitmapDb db, List<ParsedFile> captures) throws SQLException, IOException, PerfParseException {
        List<ArrowCapture> fresh = new ArrayList<>();
        Map<String, Integer> freshBySha = new HashMap<>();
        List<Plan> plans = new ArrayList<>();
        for (ParsedFile c : captures) {
            String sha = c.sha256();
            OptionalInt stored = sha == null ? OptionalInt.empty() : db.captureWithSha256(sha);
            if (stored.isPresent()) {
                plans.add(new Plan(-1, stored.getAsInt(), true));
            } else if (sha != null && freshBySha.containsKey(sha)) {
                plans.add(new Plan(freshBySha.get(sha), 0, true));
            } else {
                if (sha != null) {
                    freshBySha.put(sha, fresh.size());
                }
                plans.add(new Plan(fresh.size(), 0, false));
                fresh.add(c.arrow());
            }
        }
        List<Integer> ids = fresh.isEmpty() ? List.of() : db.insertCaptures(fresh);
        List<String> report = new ArrayList<>();
        for (int i = 0; i < captures.size(); i++) {
            Plan p = plans.get(i);
            String file = files.get(i).toString();
            int id = p.freshIndex() >= 0 ? ids.get(p.freshIndex()) : p.storedId();
            report.add(p.skipped() ? file + ": already in the store as capture " + id + " (same SHA-256), skipped"
                    : summary(file, id, captures.get(i)));
        }
        return report;
    }

    /** What happens to one file: added as fresh[freshIndex], or skipped for that one or for storedId. */
    private record Plan(int freshIndex, int storedId, boolean skipped) {
    }

    /**
     * {@code FILE: capture 3, 42 lines, 310 accessors (1234 lines read: 1180 used, 50 structural, 4 skipped)};
     * a count of 1 takes the singular: {@code 1 line, 1 accessor (1 line read: ...)}.
     */
    static String summary(String file, int captureId, ParsedFile c) {
        return file + ": capture " + captureId + ", " + c.summary();
    }
}

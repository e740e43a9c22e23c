// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import io.hitmap.analysis.HitmapDb;
import io.hitmap.analysis.ParquetExport;
import io.hitmap.report.StatsOnlyText;
import io.hitmap.report.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hitmap export}: captures -> every table as Parquet, partitioned by capture, one summary line per table. */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Writes every table of the captures (perf c2c report, perf report or perf script text, or a store, "
                    + "opened read-only) as Parquet files into DIR, one directory per table, partitioned by "
                    + "capture: DIR/c2c_lines/capture_id=1/data_0.parquet. capture_id is in the directory names "
                    + "only (hive partitioning, as Spark writes it): DuckDB, Spark, Trino, pandas and polars read "
                    + "it with hive partitioning on. A table without rows gets no directory; the view "
                    + "sample_frames is not written (DIR/README.txt shows the join that makes it).",
            "DIR must be new or empty: capture ids of different stores would collide, so exports are "
                    + "never added to one another; ingest the files into one store and export that."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  hitmap export --parquet out sample-traces/overlayfs-creds-before.c2c.txt",
            "  hitmap export --parquet out --store c2c.duckdb",
            "  duckdb -c \"select capture_id, count(*) \\",
            "    from read_parquet('out/c2c_lines/**/*.parquet', hive_partitioning = true) \\",
            "    group by 1 order by 1\""})
final class ExportCommand extends Subcommand {
    @Mixin
    InputOptions input;

    @Option(names = {"-p", "--parquet"}, paramLabel = "DIR", required = true,
            description = "The directory to write; created when missing, else it must be empty.")
    Path dir;

    @Override
    String problem() {
        return input.problem(true);
    }

    @Override
    public Integer call() throws Exception {
        checkOptions();
        requireUsable(dir);
        List<ParquetExport.Table> tables;
        try (HitmapDb db = Inputs.open(input.files, input.store, root.lenient, CaptureFile.Accept.ANY,
                spec.commandLine().getErr())) {
            boolean created = create(dir);
            try {
                tables = ParquetExport.write(db, dir, source());
            } catch (SQLException | IOException e) {
                if (created) {
                    Files.deleteIfExists(dir);
                }
                throw CommandFailure.badInput(dir + ": cannot write Parquet: " + ErrorReporter.oneLine(e.getMessage()),
                        "check the free space and permissions there; nothing was left in " + dir, e);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        for (ParquetExport.Table t : tables) {
            String files = t.files() == 0 ? "not written" : IngestCommand.count(t.files(), "file");
            out.print(TerminalText.escape(dir.resolve(t.name()) + ": " + IngestCommand.count(t.rows(), "row") + ", "
                    + files) + "\n");
        }
        out.flush();
        return 0;
    }

    /** Before any input is read: DIR is missing, or an empty directory this process may write. */
    static void requireUsable(Path dir) throws CommandFailure, IOException {
        String name = StatsOnlyText.shellWord(dir.toString());
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw CommandFailure.usage(dir + ": is a file, not a directory",
                    "--parquet names the directory to write the tables into; name a new or empty one", null);
        }
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            List<String> held = entries.map(p -> p.getFileName().toString()).sorted().limit(4).toList();
            if (!held.isEmpty()) {
                throw CommandFailure.usage(dir + ": not empty (holds " + String.join(", ", held)
                        + (held.size() == 4 ? ", ..." : "") + ")", "export writes into a new or empty directory, "
                        + "never over files or beside another export (capture ids would collide); remove it "
                        + "(rm -r " + name + ") or name another", null);
            }
        }
        if (!Files.isWritable(dir)) {
            throw CommandFailure.badInput(dir + ": permission denied", "check its permissions: ls -ld " + name, null);
        }
    }

    /** Creates DIR (and missing parents, as mkdir -p); true when it did not exist. */
    private static boolean create(Path dir) throws CommandFailure {
        if (Files.isDirectory(dir)) {
            return false;
        }
        try {
            Files.createDirectories(dir);
            return true;
        } catch (IOException e) {
            throw CommandFailure.badInput(dir + ": cannot create the directory: " + reason(e),
                    "check that its parent is a directory you may write: ls -ld "
                            + StatsOnlyText.shellWord(String.valueOf(dir.toAbsolutePath().getParent())), e);
        }
    }

    /** {@code AccessDeniedException: /x} -> {@code permission denied}; else the exception's own words. */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return String.valueOf(e.getMessage());
    }

    private String source() {
        return input.store != null ? "the store " + input.store
                : input.files.stream().map(Path::toString).collect(Collectors.joining(" "));
    }
}

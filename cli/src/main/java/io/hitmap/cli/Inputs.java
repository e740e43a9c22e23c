// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import io.hitmap.analysis.HitmapDb;
import io.hitmap.analysis.StoreException;
import io.hitmap.ingest.PerfParseException;
import io.hitmap.ingest.PerfText;
import io.hitmap.ingest.PerfTextKind;
import io.hitmap.ingest.arrow.ArrowCapture;
import io.hitmap.ingest.arrow.C2cToArrow;
import io.hitmap.ingest.c2c.C2cCapture;
import io.hitmap.ingest.c2c.C2cReportParser;
import io.hitmap.ingest.profile.PerfReportParser;
import io.hitmap.ingest.profile.ProfileCapture;
import io.hitmap.report.StatsOnlyText;
import io.hitmap.report.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Capture files or a {@code .duckdb} store named on the command line -> parsed captures and an open
 * {@link HitmapDb}, with file problems turned into one-line {@link CommandFailure}s and lenient-mode
 * warnings written to stderr.
 */
final class Inputs {
    /** How many skipped line numbers a lenient warning lists. */
    static final int SHOWN_SKIPPED = 5;

    private Inputs() {
    }

    /** What {@code -} stands for: the parser reads a pipe or a redirect through this path. */
    static final Path STDIN = Path.of("/dev/stdin");
    static final String NO_SUCH_FILE_HINT = "check the path; to read standard input pass - or /dev/stdin";

    /** Parses every file before anything is loaded, so a bad file fails the command before it writes. */
    static List<C2cCapture> parseAll(List<Path> files, boolean lenient, PrintWriter err)
            throws PerfParseException, CommandFailure {
        requireStdinOnce(files);
        List<C2cCapture> captures = new ArrayList<>();
        for (Path f : files) {
            captures.add(parse(f, lenient, err));
        }
        return captures;
    }

    static void requireStdinOnce(List<Path> files) throws CommandFailure {
        if (files.stream().map(Inputs::path).filter(STDIN::equals).count() > 1) {
            throw CommandFailure.usage("standard input (- or /dev/stdin) given more than once",
                    "standard input can be read once; save it to a file to pass it twice", null);
        }
    }

    /** {@code -} -> {@code /dev/stdin}, as in {@code cat f | hitmap lines -}; any other path as it is. */
    static Path path(Path given) {
        return given.toString().equals("-") ? STDIN : given;
    }

    static C2cCapture parse(Path given, boolean lenient, PrintWriter err) throws PerfParseException, CommandFailure {
        Path file = path(given);
        requireReadableFile(file);
        C2cCapture capture = read(file, () -> C2cReportParser.parse(file, lenient));
        warn(ParsedFile.of(file.toString(), capture), err);
        return capture;
    }

    /** A perf report file (for --profile). */
    static ProfileCapture parseProfile(Path given, boolean lenient, PrintWriter err)
            throws PerfParseException, CommandFailure {
        Path file = path(given);
        requireReadableFile(file);
        ProfileCapture capture = read(file, () -> PerfReportParser.parse(file, lenient));
        warn(ParsedFile.of(file.toString(), capture), err);
        return capture;
    }

    /** Every file, each by the parser of the kind its first lines show (c2c when they show none). */
    static List<ParsedFile> parseAny(List<Path> files, boolean lenient, PrintWriter err)
            throws PerfParseException, CommandFailure {
        requireStdinOnce(files);
        List<ParsedFile> parsed = new ArrayList<>();
        for (Path given : files) {
            Path file = path(given);
            requireReadableFile(file);
            ParsedFile p = read(file, () -> parseAny(file, lenient));
            warn(p, err);
            parsed.add(p);
        }
        return parsed;
    }

    private static ParsedFile parseAny(Path file, boolean lenient) throws IOException, PerfParseException {
        String name = file.toString();
        try (PerfText text = PerfText.open(file)) {
            PerfTextKind.Sniffed sniffed = PerfTextKind.sniff(text.head());
            switch (sniffed.kind()) {
                case PERF_REPORT:
                    return ParsedFile.of(name, PerfReportParser.parse(name, text.reader(), lenient)
                            .withSha256(text.sha256()));
                case C2C: case UNKNOWN:
                    return ParsedFile.of(name, C2cReportParser.parse(name, text.reader(), lenient)
                            .withSha256(text.sha256()));
                default:
                    sniffed.require(PerfTextKind.C2C, name, "perf c2c report --stdio' or 'perf report --stdio",
                            "perf c2c record -- CMD (or perf record -g -- CMD)");
                    throw new IllegalStateException("unreachable: " + sniffed);
            }
        }
    }

    private interface Parse<T> {
        T run() throws IOException, PerfParseException;
    }

    private static <T> T read(Path file, Parse<T> parse) throws PerfParseException, CommandFailure {
        try {
            return parse.run();
        } catch (IOException e) { // bad UTF-8 never throws: PerfText replaces it
            throw CommandFailure.badInput(file + ": cannot read: " + e.getMessage(),
                    "check that the whole file reads, e.g. cat " + StatsOnlyText.shellWord(file.toString())
                            + " > /dev/null (gzip -t for a .gz)", e);
        }
    }

    /** Where the file disagrees with itself, then what --lenient skipped: one {@code hitmap: warning:} line each. */
    static void warn(ParsedFile p, PrintWriter err) {
        for (String w : p.warnings()) {
            err.print("hitmap: warning: " + TerminalText.escape(p.name() + ": " + w) + "\n");
        }
        if (p.linesSkipped() > 0) {
            err.print("hitmap: warning: " + TerminalText.escape(skippedWarning(p.name(), p.linesSkipped(),
                    p.skippedLineNos())) + "\n");
        }
        err.flush();
    }

    /** {@code FILE: skipped 4 unrecognised lines (first: 17, 23, 40)}. */
    static String skippedWarning(String file, long n, List<Integer> skippedLineNos) {
        String first = skippedLineNos.stream().limit(SHOWN_SKIPPED).map(String::valueOf)
                .collect(Collectors.joining(", "));
        return file + ": skipped " + n + (n == 1 ? " unrecognised line" : " unrecognised lines")
                + (first.isEmpty() ? "" : " (first: " + first + ")");
    }

    static void requireReadableFile(Path file) throws CommandFailure {
        String name = StatsOnlyText.shellWord(file.toString());
        if (Files.isDirectory(file)) {
            throw CommandFailure.badInput(file + ": is a directory",
                    "pass the capture files in it, e.g. " + StatsOnlyText.shellWord(file + "/") + "*.c2c.txt", null);
        }
        if (!Files.exists(file)) {
            throw CommandFailure.badInput(file + ": no such file", NO_SUCH_FILE_HINT, null);
        }
        if (!Files.isReadable(file)) {
            throw CommandFailure.badInput(file + ": permission denied", "check its permissions: ls -l " + name, null);
        }
    }

    /** An in-memory database holding the c2c files, or the store opened read-only. */
    static HitmapDb open(List<Path> files, Path store, boolean lenient, PrintWriter err)
            throws PerfParseException, CommandFailure, SQLException, IOException {
        if (store != null) {
            return openStore(store, true);
        }
        List<ArrowCapture> captures = new ArrayList<>();
        for (C2cCapture c : parseAll(files, lenient, err)) {
            captures.add(C2cToArrow.capture(c));
        }
        return inMemory(captures);
    }

    /** An in-memory database holding files of any kind, or the store opened read-only. */
    static HitmapDb openAny(List<Path> files, Path store, boolean lenient, PrintWriter err)
            throws PerfParseException, CommandFailure, SQLException, IOException {
        if (store != null) {
            return openStore(store, true);
        }
        List<ArrowCapture> captures = new ArrayList<>();
        for (ParsedFile p : parseAny(files, lenient, err)) {
            captures.add(p.arrow());
        }
        return inMemory(captures);
    }

    static HitmapDb inMemory(List<ArrowCapture> captures) throws SQLException, IOException, PerfParseException {
        HitmapDb db = HitmapDb.inMemory();
        try {
            db.insertCaptures(captures);
        } catch (SQLException | IOException | PerfParseException | RuntimeException e) {
            try {
                db.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        return db;
    }

    /** Store problems analysis already explains (a {@link StoreException}) pass through unchanged. */
    static HitmapDb openStore(Path store, boolean readOnly) throws CommandFailure, StoreException {
        try {
            return HitmapDb.openStore(store, readOnly);
        } catch (StoreException e) {
            throw e;
        } catch (SQLException e) {
            throw CommandFailure.badInput(store + ": cannot open store: " + ErrorReporter.oneLine(e.getMessage()),
                    "a store is a .duckdb file written by 'hitmap ingest FILE... --store " + store + "'", e);
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import io.hitmap.analysis.HitmapDb;
import io.hitmap.analysis.StoreException;
import io.hitmap.ingest.PerfParseException;
import io.hitmap.ingest.c2c.C2cCapture;
import io.hitmap.ingest.c2c.C2cReportParser;
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
        if (files.stream().map(Inputs::path).filter(STDIN::equals).count() > 1) {
            throw CommandFailure.usage("standard input (- or /dev/stdin) given more than once",
                    "standard input can be read once; save it to a file to pass it twice", null);
        }
        List<C2cCapture> captures = new ArrayList<>();
        for (Path f : files) {
            captures.add(parse(f, lenient, err));
        }
        return captures;
    }

    /** {@code -} -> {@code /dev/stdin}, as in {@code cat f | hitmap lines -}; any other path as it is. */
    static Path path(Path given) {
        return given.toString().equals("-") ? STDIN : given;
    }

    static C2cCapture parse(Path given, boolean lenient, PrintWriter err) throws PerfParseException, CommandFailure {
        Path file = path(given);
        requireReadableFile(file);
        C2cCapture capture;
        try {
            capture = C2cReportParser.parse(file, lenient);
        } catch (IOException e) { // bad UTF-8 never throws: PerfText replaces it
            throw CommandFailure.badInput(file + ": cannot read: " + e.getMessage(),
                    "check that the whole file reads, e.g. cat " + StatsOnlyText.shellWord(file.toString())
                            + " > /dev/null (gzip -t for a .gz)", e);
        }
        warn(file.toString(), capture, err);
        return capture;
    }

    /** Where the file disagrees with itself, then what --lenient skipped: one {@code hitmap: warning:} line each. */
    static void warn(String file, C2cCapture capture, PrintWriter err) {
        for (String w : capture.warnings()) {
            err.print("hitmap: warning: " + TerminalText.escape(file + ": " + w) + "\n");
        }
        if (capture.linesSkipped() > 0) {
            err.print("hitmap: warning: " + TerminalText.escape(skippedWarning(file, capture)) + "\n");
        }
        err.flush();
    }

    /** {@code FILE: skipped 4 unrecognised lines (first: 17, 23, 40)}. */
    static String skippedWarning(String file, C2cCapture c) {
        long n = c.linesSkipped();
        String first = c.skippedLineNos().stream().limit(SHOWN_SKIPPED).map(String::valueOf)
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

    /** An in-memory database holding the files, or the store opened read-only. */
    static HitmapDb open(List<Path> files, Path store, boolean lenient, PrintWriter err)
            throws PerfParseException, CommandFailure, SQLException {
        if (store != null) {
            return openStore(store, true);
        }
        List<C2cCapture> captures = parseAll(files, lenient, err);
        HitmapDb db = HitmapDb.inMemory();
        try {
            db.addCaptures(captures);
        } catch (SQLException | RuntimeException e) {
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

// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import io.hitmap.analysis.HitmapDb;
import io.hitmap.analysis.StoreException;
import io.hitmap.ingest.PerfParseException;
import io.hitmap.ingest.arrow.ArrowCapture;
import io.hitmap.report.StatsOnlyText;
import io.hitmap.report.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Capture files or a {@code .duckdb} store named on the command line -> an open
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

    static void requireStdinOnce(List<Path> files) throws CommandFailure {
        if (files.stream().map(Inputs::path).filter(STDIN::equals).count() > 1) {
            throw CommandFailure.usage("standard input (- or /dev/stdin) given more than once",
                    "standard input can be read once; save it to a file to pass it twice", null);
        }
    }

    static CommandFailure cannotRead(Path file, IOException e) {
        return CommandFailure.badInput(file + ": cannot read: " + e.getMessage(), CaptureFile.readHint(file), e);
    }

    /** {@code -} -> {@code /dev/stdin}, as in {@code cat f | hitmap lines -}; any other path as it is. */
    static Path path(Path given) {
        return given.toString().equals("-") ? STDIN : given;
    }

    /** Where the file disagrees with itself, then what --lenient skipped: one {@code hitmap: warning:} line each. */
    static void warn(String file, List<String> warnings, long skipped, List<Integer> skippedLineNos, PrintWriter err) {
        for (String w : warnings) {
            err.print("hitmap: warning: " + TerminalText.escape(file + ": " + w) + "\n");
        }
        if (skipped > 0) {
            err.print("hitmap: warning: " + TerminalText.escape(skippedWarning(file, skipped, skippedLineNos)) + "\n");
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
            throws PerfParseException, CommandFailure, SQLException {
        return open(files, store, lenient, CaptureFile.Accept.C2C, err);
    }

    /** An in-memory database holding the files of the kinds {@code accept} takes, or the store opened read-only. */
    static HitmapDb open(List<Path> files, Path store, boolean lenient, CaptureFile.Accept accept, PrintWriter err)
            throws PerfParseException, CommandFailure, SQLException {
        if (store != null) {
            return openStore(store, true);
        }
        return inMemory(CaptureFile.openAll(files, lenient, false, accept), err);
    }

    /** An in-memory database holding the opened files (their warnings printed after the write). */
    static HitmapDb inMemory(List<CaptureFile> opened, PrintWriter err)
            throws PerfParseException, CommandFailure, SQLException {
        return inMemory(opened.stream().map(CaptureFile::capture).toList(), opened, err);
    }

    private static HitmapDb inMemory(List<ArrowCapture> captures, List<CaptureFile> opened, PrintWriter err)
            throws PerfParseException, CommandFailure, SQLException {
        HitmapDb db;
        try {
            db = HitmapDb.inMemory();
        } catch (SQLException | RuntimeException e) {
            CaptureFile.discardAll(opened, e);
            throw e;
        }
        try {
            db.insertCaptures(captures);
            CaptureFile.warnAfterWrite(opened, err);
        } catch (IOException e) {
            closeAfter(db, e);
            CaptureFile.discardAll(opened, e);
            throw CommandFailure.badInput(e.getMessage(), "check that the whole file reads", e);
        } catch (PerfParseException | SQLException | RuntimeException e) {
            closeAfter(db, e);
            CaptureFile.discardAll(opened, e);
            throw e;
        }
        return db;
    }

    private static void closeAfter(HitmapDb db, Exception e) {
        try {
            db.close();
        } catch (SQLException closing) {
            e.addSuppressed(closing);
        }
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

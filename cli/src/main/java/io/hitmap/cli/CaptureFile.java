// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import io.hitmap.analysis.HitmapDb;
import io.hitmap.ingest.PerfParseException;
import io.hitmap.ingest.PerfText;
import io.hitmap.ingest.PerfTextKind;
import io.hitmap.ingest.arrow.ArrowCapture;
import io.hitmap.ingest.arrow.C2cStream;
import io.hitmap.ingest.arrow.C2cToArrow;
import io.hitmap.ingest.arrow.ProfileStream;
import io.hitmap.ingest.arrow.ProfileToArrow;
import io.hitmap.ingest.arrow.ScriptToArrow;
import io.hitmap.ingest.c2c.C2cParseSummary;
import io.hitmap.ingest.profile.ProfileSummary;
import io.hitmap.ingest.script.ScriptSummary;
import io.hitmap.report.StatsOnlyText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One capture file named on the command line, by the kind of text it holds: each file is only
 * sniffed here, and streams into the database when written (its warnings printed after the write).
 * Exactly one of {@code c2c}, {@code profile} and {@code script} is set.
 */
record CaptureFile(String file, C2cStream c2c, ProfileStream profile, ScriptToArrow script) {

    ArrowCapture capture() {
        return c2c != null ? c2c : profile != null ? profile : script;
    }

    /** Which kinds of text a command takes. */
    enum Accept { ANY, C2C, PERF_REPORT, PERF_REPORT_OR_SCRIPT }

    /** A perf report file (for --profile) streamed into {@code db}: its capture_id (see {@link #insert}). */
    static int insertProfile(HitmapDb db, Path given, boolean lenient, PrintWriter err) throws Exception {
        return insert(db, given, lenient, err, Accept.PERF_REPORT);
    }

    /**
     * One file of the kinds {@code accept} takes, streamed into {@code db}: its capture_id. The file is
     * discarded if the write fails; its lenient-mode warnings are printed after it.
     */
    static int insert(HitmapDb db, Path given, boolean lenient, PrintWriter err, Accept accept) throws Exception {
        CaptureFile p = open(Inputs.path(given), lenient, false, accept);
        int id;
        try {
            id = db.insertCaptures(List.of(p.capture())).get(0);
        } catch (Exception e) {
            discardAll(List.of(p), e);
            throw e;
        }
        warnAfterWrite(List.of(p), err);
        return id;
    }

    private static void closeQuietly(PerfText text) {
        if (text != null) {
            try {
                text.close();
            } catch (IOException ignored) {
                // closing a file that was read: nothing to report
            }
        }
    }

    /**
     * Sniffs every file, so a file of the wrong kind fails the command before it writes. {@code hashFirst}:
     * hash a c2c or perf script file before it is read (to skip it when its bytes are stored already);
     * standard input cannot be read twice and is hashed as it streams.
     */
    static List<CaptureFile> openAll(List<Path> files, boolean lenient, boolean hashFirst)
            throws PerfParseException, CommandFailure {
        return openAll(files, lenient, hashFirst, Accept.ANY);
    }

    /** As {@link #openAll(List, boolean, boolean)}, refusing every kind {@code accept} does not take. */
    static List<CaptureFile> openAll(List<Path> files, boolean lenient, boolean hashFirst, Accept accept)
            throws PerfParseException, CommandFailure {
        Inputs.requireStdinOnce(files);
        List<CaptureFile> opened = new ArrayList<>();
        try {
            for (Path given : files) {
                opened.add(open(Inputs.path(given), lenient, hashFirst, accept));
            }
        } catch (PerfParseException | CommandFailure | RuntimeException e) {
            discardAll(opened, e);
            throw e;
        }
        return opened;
    }

    private static CaptureFile open(Path file, boolean lenient, boolean hashFirst, Accept accept)
            throws PerfParseException, CommandFailure {
        Inputs.requireReadableFile(file);
        String name = file.toString();
        PerfText text = null;
        try {
            text = PerfText.open(file);
            PerfTextKind.Sniffed kind = PerfTextKind.sniff(text.head());
            if (accept == Accept.C2C) {
                kind.require(PerfTextKind.C2C, name);
            }
            if (kind.kind() == PerfTextKind.PERF_SCRIPT && accept != Accept.PERF_REPORT && accept != Accept.C2C) {
                if (!Files.isRegularFile(file)) {
                    ScriptToArrow s = ScriptToArrow.of(name, text, lenient);
                    text = null; // the capture owns it now
                    return new CaptureFile(name, null, null, s);
                }
                return new CaptureFile(name, null, null,
                        ScriptToArrow.of(file, lenient, hashFirst ? PerfText.sha256(file) : null));
            }
            if (accept != Accept.ANY && accept != Accept.C2C) {
                kind.require(PerfTextKind.PERF_REPORT, name, "perf report --stdio"
                        + (accept == Accept.PERF_REPORT_OR_SCRIPT ? "' or 'perf script" : ""), "perf record -g -- CMD");
            }
            if (kind.kind() == PerfTextKind.PERF_REPORT || (accept != Accept.ANY && accept != Accept.C2C)) {
                ProfileStream p = ProfileToArrow.stream(name, text, lenient);
                text = null; // the stream owns it now
                return new CaptureFile(name, null, p, null);
            }
            kind.require(PerfTextKind.C2C, name, "perf c2c report --stdio' (or 'perf report --stdio', 'perf script",
                    "perf c2c record -- CMD");
            if (!Files.isRegularFile(file)) {
                C2cStream c = C2cToArrow.stream(name, text, lenient);
                text = null; // the capture owns it now
                return new CaptureFile(name, c, null, null);
            }
            return new CaptureFile(name,
                    C2cToArrow.stream(file, lenient, hashFirst ? PerfText.sha256(file) : null), null, null);
        } catch (IOException e) {
            throw Inputs.cannotRead(file, e);
        } finally {
            closeQuietly(text);
        }
    }

    /** After the write: where each file disagrees with itself, and what --lenient skipped. */
    static void warnAfterWrite(List<CaptureFile> files, PrintWriter err) {
        for (CaptureFile f : files) {
            C2cParseSummary c = f.c2c() == null ? null : f.c2c().summary();
            if (c != null) {
                Inputs.warn(f.file(), c.warnings(), c.linesSkipped(), c.skippedLineNos(), err);
            }
            ScriptSummary s = f.script() == null ? null : f.script().summary();
            if (s != null) {
                Inputs.warn(f.file(), s.warnings(), s.linesSkipped(), s.skippedLineNos(), err);
            }
            ProfileSummary p = f.profile() == null ? null : f.profile().summary();
            if (p != null) {
                Inputs.warn(f.file(), p.warnings(), p.linesSkipped(), p.skippedLineNos(), err);
            }
        }
    }

    static void discardAll(List<CaptureFile> files, Exception cause) {
        for (CaptureFile f : files) {
            try {
                if (f.c2c() != null) {
                    f.c2c().discard();
                }
                if (f.script() != null) {
                    f.script().discard();
                }
                if (f.profile() != null) {
                    f.profile().discard();
                }
            } catch (IOException e) {
                cause.addSuppressed(e);
            }
        }
    }

    /** The hint for a file that cannot be read to its end. */
    static String readHint(Path file) {
        return "check that the whole file reads, e.g. cat " + StatsOnlyText.shellWord(file.toString())
                + " > /dev/null (gzip -t for a .gz)";
    }
}

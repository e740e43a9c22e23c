// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import io.hitmap.analysis.HitmapDb;
import io.hitmap.ingest.PerfParseException;
import io.hitmap.ingest.PerfText;
import io.hitmap.ingest.PerfTextKind;
import io.hitmap.ingest.arrow.ArrowCapture;
import io.hitmap.ingest.arrow.C2cToArrow;
import io.hitmap.ingest.arrow.ProfileStream;
import io.hitmap.ingest.arrow.ProfileToArrow;
import io.hitmap.ingest.arrow.ScriptToArrow;
import io.hitmap.ingest.c2c.C2cCapture;
import io.hitmap.ingest.c2c.C2cReportParser;
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
 * One capture file named on the command line, by the kind of text it holds: c2c text is parsed
 * at once (its warnings printed), perf report and perf script text are only sniffed, and stream
 * into the database when written. Exactly one of {@code c2c}, {@code profile} and {@code script} is set.
 */
record CaptureFile(String file, C2cCapture c2c, ProfileStream profile, ScriptToArrow script) {

    ArrowCapture capture() {
        return c2c != null ? C2cToArrow.capture(c2c) : profile != null ? profile : script;
    }

    /** Which kinds of text a command takes. */
    enum Accept { ANY, PERF_REPORT, PERF_REPORT_OR_SCRIPT }

    /**
     * A perf report file (for lines --profile), streamed when written; any other kind of text is
     * refused with the one-line wrong-kind error.
     */
    static CaptureFile openProfile(Path given, boolean lenient) throws PerfParseException, CommandFailure {
        return open(Inputs.path(given), lenient, false, Accept.PERF_REPORT, null);
    }

    /**
     * A perf report file (for --profile) streamed into {@code db}: its capture_id. The file is discarded
     * if the write fails; its lenient-mode warnings are printed after it.
     */
    static int insertProfile(HitmapDb db, Path given, boolean lenient, PrintWriter err) throws Exception {
        CaptureFile p = openProfile(given, lenient);
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
     * Sniffs every file and parses the c2c ones, so a wrong or bad c2c file fails the command before
     * it writes. {@code hashFirst}: hash a perf script file before it is read (to skip it when its
     * bytes are stored already); standard input cannot be read twice and is hashed as it streams.
     */
    static List<CaptureFile> openAll(List<Path> files, boolean lenient, boolean hashFirst, PrintWriter err)
            throws PerfParseException, CommandFailure {
        return openAll(files, lenient, hashFirst, Accept.ANY, err);
    }

    /** As {@link #openAll(List, boolean, boolean, PrintWriter)}, refusing every kind {@code accept} does not take. */
    static List<CaptureFile> openAll(List<Path> files, boolean lenient, boolean hashFirst, Accept accept,
                                     PrintWriter err) throws PerfParseException, CommandFailure {
        Inputs.requireStdinOnce(files);
        List<CaptureFile> opened = new ArrayList<>();
        try {
            for (Path given : files) {
                opened.add(open(Inputs.path(given), lenient, hashFirst, accept, err));
            }
        } catch (PerfParseException | CommandFailure | RuntimeException e) {
            discardAll(opened, e);
            throw e;
        }
        return opened;
    }

    private static CaptureFile open(Path file, boolean lenient, boolean hashFirst, Accept accept, PrintWriter err)
            throws PerfParseException, CommandFailure {
        Inputs.requireReadableFile(file);
        String name = file.toString();
        PerfText text = null;
        try {
            text = PerfText.open(file);
            PerfTextKind.Sniffed kind = PerfTextKind.sniff(text.head());
            if (kind.kind() == PerfTextKind.PERF_SCRIPT && accept != Accept.PERF_REPORT) {
                if (!Files.isRegularFile(file)) {
                    ScriptToArrow s = ScriptToArrow.of(name, text, lenient);
                    text = null; // the capture owns it now
                    return new CaptureFile(name, null, null, s);
                }
                return new CaptureFile(name, null, null,
                        ScriptToArrow.of(file, lenient, hashFirst ? PerfText.sha256(file) : null));
            }
            if (accept != Accept.ANY) {
                kind.require(PerfTextKind.PERF_REPORT, name, "perf report --stdio"
                        + (accept == Accept.PERF_REPORT_OR_SCRIPT ? "' or 'perf script" : ""), "perf record -g -- CMD");
            }
            if (kind.kind() == PerfTextKind.PERF_REPORT || accept != Accept.ANY) {
                ProfileStream p = ProfileToArrow.stream(name, text, lenient);
                text = null; // the stream owns it now
                return new CaptureFile(name, null, p, null);
            }
            kind.require(PerfTextKind.C2C, name, "perf c2c report --stdio' (or 'perf report --stdio', 'perf script",
                    "perf c2c record -- CMD");
            C2cCapture c = C2cReportParser.parse(name, text.reader(), lenient).withSha256(text.sha256());
            Inputs.warn(name, c, err);
            return new CaptureFile(name, c, null, null);
        } catch (IOException e) {
            throw Inputs.cannotRead(file, e);
        } finally {
            closeQuietly(text);
        }
    }

    /** After the write: what --lenient skipped in the perf script files, as for c2c. */
    static void warnAfterWrite(List<CaptureFile> files, PrintWriter err) {
        for (CaptureFile f : files) {
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

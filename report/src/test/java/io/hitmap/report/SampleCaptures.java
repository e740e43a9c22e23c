// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import io.hitmap.analysis.ContendedLines;
import io.hitmap.analysis.DiffSide;
import io.hitmap.analysis.HitmapDb;
import io.hitmap.analysis.LineDiff;
import io.hitmap.analysis.StatsOnlyCaptures;
import io.hitmap.ingest.PerfText;
import io.hitmap.ingest.arrow.ArrowCapture;
import io.hitmap.ingest.arrow.C2cToArrow;
import io.hitmap.ingest.arrow.ScriptToArrow;
import io.hitmap.ingest.c2c.C2cReportParser;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real captures of sample-traces in an in-memory store, each named by its file name alone, so the
 * reports made of them do not depend on where the repository is; and the reports themselves.
 */
final class SampleCaptures {
    static final Path TRACES = Path.of(System.getProperty("sample.traces", "../sample-traces"));

    private SampleCaptures() {
    }

    /** c2c and perf script captures, in order: capture_id 1, 2, ... */
    static HitmapDb load(String... names) throws Exception {
        List<ArrowCapture> captures = new ArrayList<>();
        for (String name : names) {
            Path file = TRACES.resolve(name);
            if (name.contains(".perf-script.")) {
                captures.add(ScriptToArrow.of(name, PerfText.open(file), false));
            } else {
                try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    captures.add(C2cToArrow.capture(C2cReportParser.parse(name, in, false)));
                }
            }
        }
        HitmapDb db = HitmapDb.inMemory();
        db.insertCaptures(captures);
        return db;
    }

    /** The report of these captures as {@code hitmap report FILE... [--sim]} writes it. */
    static String report(SimResults sim, String... names) throws Exception {
        try (HitmapDb db = load(names)) {
            return HtmlReport.lines(ContendedLines.rank(db, Integer.MAX_VALUE, 10), StatsOnlyCaptures.list(db),
                    ProfileData.of(db), sim);
        }
    }

    /** The diff report of two c2c captures, as {@code hitmap report --diff BEFORE AFTER} writes it. */
    static String diff(String before, String after) throws Exception {
        try (HitmapDb db = load(before, after)) {
            return HtmlReport.diff(LineDiff.compare(db, DiffSide.of(db, 1), DiffSide.of(db, 2), LineDiff.DEFAULT_MIN_SCORE),
                    ContendedLines.rank(db, Integer.MAX_VALUE, 10), null);
        }
    }

    /** The text of a capture. */
    static String text(String name) throws Exception {
        return Files.readString(TRACES.resolve(name), StandardCharsets.UTF_8);
    }
}

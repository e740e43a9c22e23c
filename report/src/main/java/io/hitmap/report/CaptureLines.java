// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import io.hitmap.analysis.RankedLine;
import io.hitmap.analysis.StatsOnlyCapture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Ranked lines and statistics-only captures -> one entry per capture in capture_id order: its
 * ranked lines, or (a capture without lines) its statistics.
 */
record CaptureLines(int captureId, List<RankedLine> lines, StatsOnlyCapture statsOnly) {

    static List<CaptureLines> of(List<RankedLine> lines, List<StatsOnlyCapture> statsOnly) {
        Map<Integer, List<RankedLine>> ranked = new TreeMap<>();
        for (RankedLine l : lines) {
            ranked.computeIfAbsent(l.captureId(), id -> new ArrayList<>()).add(l);
        }
        Map<Integer, CaptureLines> captures = new TreeMap<>();
        ranked.forEach((id, ls) -> captures.put(id, new CaptureLines(id, ls, null)));
        for (StatsOnlyCapture c : statsOnly) {
            captures.putIfAbsent(c.captureId(), new CaptureLines(c.captureId(), List.of(), c));
        }
        return List.copyOf(captures.values());
    }
}

// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

import java.util.List;

/**
 * A row of {@code line_diff}: a line of the before capture, the after capture or both (matched
 * by fingerprint score), with its metric total on each side, the change and, for a persisting
 * line, its {@link AccessorChange}s, and the line's class on each side ({@code line_classes}). Shares are percentages of the capture ({@code shareBasis}
 * {@code perf}: perf's own, {@code listed}: of the lines in the file).
 */
public record DiffedLine(String status, Integer beforeLine, Integer afterLine, Double score,
                         String beforeAddress, String afterAddress, Long beforeTotal, Long afterTotal,
                         long delta, Double deltaPct, Double beforeShare, Double afterShare, double shareDelta,
                         String beforeShareBasis, String afterShareBasis,
                         Double beforePer1kRecords, Double afterPer1kRecords,
                         String beforeTopSymbol, String afterTopSymbol, List<AccessorChange> accessors,
                         String beforeClass, String afterClass) {

    public DiffedLine {
        accessors = List.copyOf(accessors);
    }

    public boolean persisting() {
        return "persisting".equals(status);
    }

    /** The symbol that names the line: the largest accessor of the before side, else of the after side. */
    public String topSymbol() {
        return beforeTopSymbol != null ? beforeTopSymbol : afterTopSymbol;
    }
}

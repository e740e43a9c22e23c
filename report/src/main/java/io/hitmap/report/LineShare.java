// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import io.hitmap.analysis.RankedLine;

/**
 * A ranked line -> the percentage {@code hitmap lines} prints next to one of its counts: perf's
 * own when the capture has it ({@code 28.14% of all HITMs}, next to the count perf took it of),
 * else the computed share of the lines in the capture ({@code 82.71% of the listed lines}, next
 * to the total), or nothing.
 */
record LineShare(Count count, String text) {
    private static final LineShare NONE = new LineShare(null, null);

    enum Count { TOTAL, REMOTE, LOCAL }

    static LineShare of(RankedLine l) {
        if (l.perfPct() != null) {
            Count on = switch (String.valueOf(l.perfPctOf())) {
                case "rmt_hitm" -> l.remote() != null ? Count.REMOTE : Count.TOTAL;
                case "lcl_hitm" -> l.local() != null ? Count.LOCAL : Count.TOTAL;
                default -> Count.TOTAL;
            };
            return new LineShare(on, Cells.fixed2(l.perfPct()) + "% of all " + noun(l.perfPctOf()));
        }
        if (l.shareOfListed() != null) {
            return new LineShare(Count.TOTAL, Cells.fixed2(l.shareOfListed()) + "% of the listed lines");
        }
        return NONE;
    }

    /** The text when it belongs next to {@code c}, else null. */
    String on(Count c) {
        return c == count ? text : null;
    }

    private static String noun(String perfPctOf) {
        return switch (String.valueOf(perfPctOf)) {
            case "rmt_hitm" -> "remote HITMs";
            case "lcl_hitm" -> "local HITMs";
            case "tot_peer" -> "peer snoops";
            default -> "HITMs";
        };
    }
}

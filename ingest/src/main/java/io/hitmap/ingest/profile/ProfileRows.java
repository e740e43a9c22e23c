// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.profile;

import java.util.regex.Matcher;

/** The cells of one {@code perf report} row -> a {@link ProfileEntry}, by column name. */
final class ProfileRows {

    ProfileEntry entry(int sectionNo, int entryNo, ReportColumns columns, String[] cells, int lineNo) {
        Double overhead = null;
        Double children = null;
        Double self = null;
        Long samples = null;
        Long period = null;
        Long pid = null;
        String command = null;
        String dso = null;
        String symbol = null;
        String kind = null;
        String srcline = null;
        String cpu = null;
        StringBuilder other = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i];
            String name = columns.names.get(i);
            if (ReportColumns.NUMBERS.contains(name) && c.contains(" ")) {
                // perf report --group: one value per event; the leader's goes to the column, all to other
                other.append(other.length() == 0 ? "" : "\t").append(name).append('=').append(c.replaceAll("\\s+", " "));
                c = c.split("\\s+")[0];
            }
            switch (name) {
                case "Overhead" -> overhead = overhead == null ? percent(c) : overhead;
                case "Children" -> children = percent(c);
                case "Self" -> self = percent(c);
                case "Samples" -> samples = Long.parseLong(c);
                case "Period" -> period = Long.parseLong(c);
                case "Command" -> command = c;
                case "Pid", "Tid" -> pid = Long.parseLong(c);
                case "Pid:Command" -> {
                    int colon = c.indexOf(':');
                    if (colon < 0) {
                        throw new NumberFormatException("no pid in \"" + c + "\"");
                    }
                    pid = Long.parseLong(c.substring(0, colon).strip());
                    command = c.substring(colon + 1);
                }
                case "Shared Object" -> dso = c;
                case ReportColumns.SYMBOL -> {
                    Matcher m = ReportColumns.MARKER.matcher(c + " ");
                    if (m.lookingAt()) {
                        kind = m.group(1);
                        symbol = c.length() > 4 ? c.substring(4).strip() : "";
                    } else {
                        symbol = c;
                    }
                }
                case "Source:Line" -> srcline = c;
                case "CPU" -> cpu = c;
                default -> other.append(other.length() == 0 ? "" : "\t").append(columns.names.get(i)).append('=').append(c);
            }
        }
        return new ProfileEntry(sectionNo, entryNo, overhead, children, self, samples, period, command, pid, dso,
                symbol, kind, srcline, cpu, other.length() == 0 ? null : other.toString(), lineNo);
    }

    /** {@code 62.87%} -> 62.87; perf's {@code -nan%} -> NaN. */
    static double percent(String cell) {
        String v = cell.endsWith("%") ? cell.substring(0, cell.length() - 1) : cell;
        return switch (v) {
            case "nan", "-nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(v);
        };
    }
}

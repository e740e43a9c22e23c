// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.c2c;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a c2c table header (group line, name line, dots line) to canonical columns.
 * <pre>
 * #        ----------- Cacheline ----------      Tot  ------- Load Hitm -------    Total ...
 * # Index             Address  Node  PA cnt     Hitm    Total  LclHitm  RmtHitm  records ...
 * # .....  ..................  ....  ......  .......  .......  .......  .......  ....... ...
 * </pre>
 * Names are cut at the dots runs when the lines still line up; when mail collapsed the blanks,
 * they are split on whitespace, keeping perf's two-word names together. Names that repeat
 * ({@code Total}, {@code Lcl}, {@code Rmt}, {@code LclHitm}) are told apart by their neighbours,
 * which differ in every perf layout from 4.10 to 6.x (see shared perf-formats.md 1.5).
 */
record C2cColumns(List<String> names, List<C2cField> fields, boolean peer, int[] positions) {

    C2cColumns(List<String> names, List<C2cField> fields, boolean peer) {
        this(names, fields, peer, positions(fields));
    }

    /** Column of each field (first one when a name repeats), -1 when absent: looked up for every cell. */
    private static int[] positions(List<C2cField> fields) {
        int[] at = new int[C2cField.values().length];
        java.util.Arrays.fill(at, -1);
        for (int i = fields.size() - 1; i >= 0; i--) {
            at[fields.get(i).ordinal()] = i;
        }
        return at;
    }

    enum Section { TABLE, PARETO }

    // eg, "PA cnt", "L1 Hit", "Code address", "rmt hitm", "Node{cpus %hitms %stores}"
    private static final Pattern NAME = Pattern.compile(
            "Node\\{[^}]*}|PA cnt|L1 Hit|L1 Miss|Code address|rmt hitm|lcl hitm|rmt peer|lcl peer|Ld Miss|\\S+");
    private static final Pattern DOTS = Pattern.compile("\\.+");

    static C2cColumns resolve(Section section, String groups, String names, String dots) {
        // a pager (less -S) marks a line it cut at the terminal's edge with '>': "Source:Line  No>"
        boolean cut = names.stripTrailing().endsWith(">");
        List<String> split = new ArrayList<>(splitNames(cut ? names.stripTrailing().replaceAll(">$", "") : names, dots));
        if (cut && !split.isEmpty()) {
            String last = split.get(split.size() - 1);
            for (String full : List.of("Node", "Source:Line", "Object", "Symbol", "cnt", "records")) {
                if (full.startsWith(last)) {
                    split.set(split.size() - 1, full);
                    break;
                }
            }
        }
        boolean peerGroup = groups != null && groups.contains("Peer");
        List<C2cField> fields = new ArrayList<>(split.size());
        for (int i = 0; i < split.size(); i++) {
            C2cField prev = i == 0 ? null : fields.get(i - 1);
            String next = i + 1 < split.size() ? split.get(i + 1) : "";
            C2cField f = section == Section.TABLE
                    ? tableField(split.get(i), prev, next, fields)
                    : paretoField(split.get(i), prev, peerGroup);
            fields.add(f);
        }
        boolean peer = fields.stream().anyMatch(f -> f == C2cField.PEER_PCT || f == C2cField.TOT_PEER
                || f == C2cField.RMT_PEER_PCT || f == C2cField.LCL_PEER_PCT);
        return new C2cColumns(List.copyOf(split), List.copyOf(fields), peer);
    }

    int indexOf(C2cField f) {
        return positions[f.ordinal()];
    }

    boolean has(C2cField f) {
        return positions[f.ordinal()] >= 0;
    }

    /** The names at the dots runs when every name sits inside its run; otherwise split on blanks. */
    static List<String> splitNames(String names, String dots) {
        if (dots != null) {
            List<String> aligned = cutAtDots(names, dots);
            if (aligned != null) {
                return aligned;
            }
        }
        List<String> out = new ArrayList<>();
        Matcher m = NAME.matcher(names);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Whether the names still sit at their dots runs (false once mail collapsed the blanks). */
    static boolean aligned(String names, String dots) {
        return dots != null && cutAtDots(names, dots) != null;
    }

    private static List<String> cutAtDots(String names, String dots) {
        List<int[]> runs = new ArrayList<>();
        Matcher m = DOTS.matcher(dots);
        while (m.find()) {
            runs.add(new int[] {m.start(), m.end()});
        }
        if (runs.isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>(runs.size());
        for (int i = 0; i < runs.size(); i++) {
            int s = runs.get(i)[0];
            // the last header (Node{cpu list}) is wider than its dots run
            int e = i == runs.size() - 1 ? names.length() : runs.get(i)[1];
            if (s >= names.length() || (s > 0 && !Character.isWhitespace(names.charAt(s - 1)))
                    || (e < names.length() && !Character.isWhitespace(names.charAt(e)))) {
                return null;
            }
            String name = names.substring(s, Math.min(e, names.length())).strip();
            if (name.isEmpty()) {
                return null;
            }
            out.add(name.replaceAll("\\s+", " "));
        }
        return out;
    }

    private static C2cField tableField(String name, C2cField prev, String next, List<C2cField> seen) {
        switch (name) {
            case "Index": return C2cField.INDEX;
            case "Cacheline": case "Address": return C2cField.ADDRESS;
            case "Node": return C2cField.NODE;
            case "PA cnt": return C2cField.PA_COUNT;
            case "Hitm": return C2cField.HITM_PCT;
            case "Snoop": return C2cField.PEER_PCT;
            // the unmerged v2/v3 peer series (2022): "Snoop Peer" as the sort %, and as a count after RmtHitm
            case "Peer": return prev == C2cField.RMT_HITM ? C2cField.TOT_PEER : C2cField.PEER_PCT;
            case "records": return C2cField.TOTAL_RECORDS;
            case "Loads": return C2cField.LOADS;
            case "Stores": return C2cField.STORES;
            case "Ld Miss": return C2cField.LD_LLCMISS;
            case "Total":
                // LLC Load Hitm / Load Hitm: "Total Lcl Rmt", "Total LclHitm RmtHitm";
                // Load Peer: "Total Local Remote"; Store Reference (<= 5.10): "Total L1Hit L1Miss"
                if (next.equals("Lcl") || next.equals("LclHitm")) return C2cField.TOT_HITM;
                if (next.equals("Local")) return C2cField.TOT_PEER;
                if (next.equals("L1Hit")) return C2cField.STORES;
                return C2cField.UNKNOWN;
            case "Lcl": return prev == C2cField.TOT_HITM ? C2cField.LCL_HITM : C2cField.DRAM_LCL;
            case "Rmt":
                if (prev == C2cField.LCL_HITM) return C2cField.RMT_HITM;
                if (prev == C2cField.DRAM_LCL) return C2cField.DRAM_RMT;
                if (prev == C2cField.LD_LLCHIT) return C2cField.LD_RMTHIT;
                return C2cField.UNKNOWN;
            case "LclHitm": return seen.contains(C2cField.LCL_HITM) ? C2cField.REPEAT : C2cField.LCL_HITM;
            case "RmtHitm": return seen.contains(C2cField.RMT_HITM) ? C2cField.REPEAT : C2cField.RMT_HITM;
            case "Local": return C2cField.LCL_PEER;
            case "Remote": return C2cField.RMT_PEER;
            case "L1Hit": return C2cField.STORE_L1HIT;
            case "L1Miss": return C2cField.STORE_L1MISS;
            case "N/A": return C2cField.STORE_NA;
            case "FB": return C2cField.LD_FBHIT;
            case "L1": return C2cField.LD_L1HIT;
            case "L2": return C2cField.LD_L2HIT;
            case "Llc": case "LclHit": return C2cField.LD_LLCHIT;
            case "RmtHit": return C2cField.LD_RMTHIT;
            default: return C2cField.UNKNOWN;
        }
    }

    private static C2cField paretoField(String name, C2cField prev, boolean peerGroup) {
        if (name.startsWith("Node{")) {
            return C2cField.NODES;
        }
        switch (name) {
            case "Num": return C2cField.NUM;
            case "RmtHitm": return C2cField.RMT_HITM_PCT;
            case "LclHitm": return C2cField.LCL_HITM_PCT;
            case "Rmt": return peerGroup ? C2cField.RMT_PEER_PCT : C2cField.RMT_HITM_PCT;
            case "Lcl": return peerGroup ? C2cField.LCL_PEER_PCT : C2cField.LCL_HITM_PCT;
            case "L1 Hit": return C2cField.STORE_L1HIT_PCT;
            case "L1 Miss": return C2cField.STORE_L1MISS_PCT;
            case "N/A": return C2cField.STORE_NA_PCT;
            case "Offset": case "Off": return C2cField.OFFSET; // "Off" in the TUI
            case "Node": return prev == C2cField.OFFSET ? C2cField.OFFSET_NODE : C2cField.NODES;
            case "PA cnt": return C2cField.PA_COUNT;
            case "Pid": return C2cField.PID;
            case "Tid": return C2cField.TID;
            case "Code address": return C2cField.CODE_ADDRESS;
            case "rmt hitm": case "rmt peer": return C2cField.CYCLES_RMT;
            case "lcl hitm": case "lcl peer": return C2cField.CYCLES_LCL;
            case "load": return C2cField.CYCLES_LOAD;
            // the unmerged 2022 peer series: "Snoop / Peer" share and a fourth "peer" cycles column
            case "Peer": return C2cField.TOT_PEER_PCT;
            case "peer": return C2cField.CYCLES_PEER;
            case "records": return C2cField.TOTAL_RECORDS;
            case "cnt": return C2cField.CPU_COUNT;
            case "Symbol": return C2cField.SYMBOL;
            case "Object": return C2cField.OBJECT;
            case "Source:Line": return C2cField.SOURCE_LINE;
            default: return C2cField.UNKNOWN;
        }
    }
}

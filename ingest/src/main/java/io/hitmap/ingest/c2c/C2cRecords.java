// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.c2c;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns parsed cells into records and sends them to a {@link C2cSink} as they come, counts every
 * input line as used, structural or skipped, and names the layout perf printed
 * ({@code formatVariant}, {@code perfVersion}). It keeps no record: what the end of the file
 * needs (the consistency checks, the statistics the metric depends on) is kept in summary form.
 */
final class C2cRecords {
    private static final int MAX_SKIPPED_LISTED = 10;

    private final C2cSink sink;
    private final C2cConsistency consistency = new C2cConsistency();
    private final C2cStatFacts stats = new C2cStatFacts();
    private final List<Integer> skippedLineNos = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    /** TUI copies only: the table's addresses, which name the cacheline blocks below it. */
    private final Map<String, Integer> tuiAddresses = new HashMap<>();
    private long read;
    private long used;
    private long structural;
    private long skipped;
    private long lineCount;
    private long accessCount;
    private int maxTableIndex = -1;
    private int maxIndex = -1;
    private C2cColumns tableCols;
    private C2cColumns paretoCols;
    private boolean collapsed;
    private boolean quoted;
    private boolean guessedHeader;
    private boolean tui;
    private boolean separator70;

    C2cRecords(C2cSink sink) {
        this.sink = sink;
    }

    void read() { read++; }
    void used() { used++; }
    void structural() { structural++; }

    void skipped(int lineNo) {
        skipped++;
        if (skippedLineNos.size() < MAX_SKIPPED_LISTED) {
            skippedLineNos.add(lineNo);
        }
    }

    void quoted() { quoted = true; }

    void warn(String warning) {
        warnings.add(warning);
    }

    void tui() { tui = true; }

    /** The Pareto header was missing; its columns were read off the first row. */
    void guessedHeader() { guessedHeader = true; }

    /** perf 6.0's peer series widened the Pareto separators from 61 to 70 dashes. */
    void separator(String dashes) {
        separator70 |= dashes.length() == 70;
    }

    void tableColumns(C2cColumns cols, boolean aligned) {
        tableCols = cols;
        collapsed |= !aligned;
    }

    void paretoColumns(C2cColumns cols, boolean aligned) {
        paretoCols = cols;
        collapsed |= !aligned;
    }

    boolean hasData() {
        return lineCount > 0 || consistency.tableRows() > 0 || stats.any();
    }

    /** The label of the last statistic: a continuation line without one belongs to it. */
    String lastStatLabel() {
        return stats.lastKey();
    }

    /**
     * The table's index for a cache line address (TUI copies name blocks by address), or else an
     * index after every one seen so far.
     */
    int lineIndexOf(String address) {
        Integer i = tuiAddresses.get(address.toLowerCase(Locale.ROOT));
        return i != null ? i : Math.max(maxTableIndex, maxIndex) + 1;
    }

    void summary(String section, String key, String value, int lineNo) throws SQLException {
        String v = value.strip();
        Double num = null;
        // eg, "329219", "12.5%", "-nan%", "329219  << Total loads and stores" (a blog's annotation)
        String lead = v.split("\\s+", 2)[0];
        if (lead.matches("-?\\d+(\\.\\d+)?%?")) {
            num = C2cRows.percent(lead);
        }
        C2cSummaryEntry e = new C2cSummaryEntry(section, key, v, num, lineNo);
        stats.add(e);
        sink.summary(e);
    }

    int tableRowCount() {
        return consistency.tableRows();
    }

    /** Null for a new table index; else why the row cannot be another line with the same index. */
    String seenTableRow(int index, int lineNo) {
        int first = consistency.tableRowAt(index);
        if (first != 0) {
            return again(index, first);
        }
        int block = consistency.blockAt(index);
        // its Pareto block went out as a line of its own already
        return block == 0 ? null : "expected the table before the Pareto, found the table row of cacheline " + index
                + " after its Pareto block (line " + block + "); perf prints the table first";
    }

    /** Null for a new Pareto block index; else why the block cannot be another with the same index. */
    String seenBlock(int index, int lineNo) {
        int first = consistency.blockAt(index);
        return first == 0 ? null : again(index, first);
    }

    private static String again(int index, int first) {
        return "expected a new cacheline index, found " + index + " again (first on line "
                + first + "); are two reports in one file? split them, or pass --lenient";
    }

    void tableRow(int index, String[] c, int lineNo) throws SQLException {
        C2cColumns k = tableCols;
        C2cLine line = new C2cLine(
                index,
                cell(c, k, C2cField.ADDRESS), cell(c, k, C2cField.NODE), n(c, k, C2cField.PA_COUNT),
                pct(c, k, C2cField.HITM_PCT), pct(c, k, C2cField.PEER_PCT),
                n(c, k, C2cField.TOT_HITM), n(c, k, C2cField.LCL_HITM), n(c, k, C2cField.RMT_HITM),
                n(c, k, C2cField.TOT_PEER), n(c, k, C2cField.LCL_PEER), n(c, k, C2cField.RMT_PEER),
                n(c, k, C2cField.TOTAL_RECORDS), n(c, k, C2cField.LOADS), n(c, k, C2cField.STORES),
                n(c, k, C2cField.STORE_L1HIT), n(c, k, C2cField.STORE_L1MISS), n(c, k, C2cField.STORE_NA),
                n(c, k, C2cField.LD_FBHIT), n(c, k, C2cField.LD_L1HIT), n(c, k, C2cField.LD_L2HIT),
                n(c, k, C2cField.LD_LLCHIT), n(c, k, C2cField.LD_RMTHIT), n(c, k, C2cField.LD_LLCMISS),
                n(c, k, C2cField.DRAM_LCL), n(c, k, C2cField.DRAM_RMT), "table", lineNo);
        consistency.tableRow(line);
        maxTableIndex = Math.max(maxTableIndex, index);
        maxIndex = Math.max(maxIndex, index);
        if (tui && line.address() != null) {
            tuiAddresses.putIfAbsent(line.address().toLowerCase(Locale.ROOT), index);
        }
        lineCount++;
        sink.line(line);
    }

    /** A Pareto block header: the index, then counts under the first columns, then the address. */
    void paretoBlock(int index, Map<C2cField, Long> counts, String address, int lineNo) throws SQLException {
        boolean peer = paretoCols != null && paretoCols.peer();
        Long rmt = counts.get(peer ? C2cField.RMT_PEER_PCT : C2cField.RMT_HITM_PCT);
        Long lcl = counts.get(peer ? C2cField.LCL_PEER_PCT : C2cField.LCL_HITM_PCT);
        Long tot = rmt == null || lcl == null ? null : rmt + lcl;
        Long l1hit = counts.get(C2cField.STORE_L1HIT_PCT);
        Long l1miss = counts.get(C2cField.STORE_L1MISS_PCT);
        Long na = counts.get(C2cField.STORE_NA_PCT);
        Long stores = l1hit == null || l1miss == null ? null : l1hit + l1miss + (na == null ? 0 : na);
        // the unmerged 2022 peer series counts peer snoops in one column beside the HITMs
        Long snoopPeer = counts.get(C2cField.TOT_PEER_PCT);
        C2cLine block = new C2cLine(index, address, null, null, null, null,
                peer ? null : tot, peer ? null : lcl, peer ? null : rmt,
                peer ? tot : snoopPeer, peer ? lcl : null, peer ? rmt : null,
                null, null, stores, l1hit, l1miss, na,
                null, null, null, null, null, null, null, null, "pareto", lineNo);
        boolean listed = consistency.tableRowAt(index) != 0;
        boolean again = consistency.blockAt(index) != 0; // a TUI copy naming one address twice
        consistency.block(block);
        maxIndex = Math.max(maxIndex, index);
        if (!listed && !again) { // a line only the Pareto names: its block is all perf printed of it
            lineCount++;
            sink.line(block);
        }
    }

    void paretoRow(int lineIndex, int rowInLine, String[] c, int lineNo) throws SQLException {
        C2cColumns k = paretoCols;
        String[] sym = C2cRows.symbol(cell(c, k, C2cField.SYMBOL));
        String object = cell(c, k, C2cField.OBJECT);
        if (object != null && object.length() > 1 && object.startsWith("[") && object.endsWith("]")) {
            object = object.substring(1, object.length() - 1);
        }
        C2cAccess access = new C2cAccess(lineIndex, rowInLine,
                C2cRows.hexInt(cell(c, k, C2cField.OFFSET)), cell(c, k, C2cField.OFFSET_NODE),
                n(c, k, C2cField.PA_COUNT), n(c, k, C2cField.PID), cell(c, k, C2cField.TID),
                cell(c, k, C2cField.CODE_ADDRESS),
                pct(c, k, C2cField.RMT_HITM_PCT), pct(c, k, C2cField.LCL_HITM_PCT),
                pct(c, k, C2cField.RMT_PEER_PCT), pct(c, k, C2cField.LCL_PEER_PCT),
                pct(c, k, C2cField.STORE_L1HIT_PCT), pct(c, k, C2cField.STORE_L1MISS_PCT),
                pct(c, k, C2cField.STORE_NA_PCT),
                pct(c, k, C2cField.CYCLES_RMT), pct(c, k, C2cField.CYCLES_LCL), pct(c, k, C2cField.CYCLES_LOAD),
                n(c, k, C2cField.TOTAL_RECORDS), n(c, k, C2cField.CPU_COUNT),
                sym == null ? null : sym[1], sym == null ? null : sym[0], object,
                cell(c, k, C2cField.SOURCE_LINE), cell(c, k, C2cField.NODES),
                pct(c, k, C2cField.TOT_PEER_PCT), pct(c, k, C2cField.CYCLES_PEER), lineNo);
        consistency.access(access);
        accessCount++;
        sink.access(access);
    }

    void callgraph(int lineIndex, int rowInLine, int seq, String text, int lineNo) throws SQLException {
        sink.callgraph(new C2cCallgraphLine(lineIndex, rowInLine, seq, text, lineNo));
    }

    /** What the parse saw, once every line was read and sent. */
    C2cParseSummary finish(String path) {
        String metric = metric();
        List<String> all = new ArrayList<>(warnings);
        all.addAll(consistency.warnings(metric, stats));
        return new C2cParseSummary(path, variant(), perfVersion(metric), metric, read, used, structural, skipped,
                List.copyOf(skippedLineNos), lineCount, accessCount, null, List.copyOf(all));
    }

    /** What perf sorted the lines on: the table's first percentage column, else the details, else the Pareto. */
    private String metric() {
        if (tableCols != null && (tableCols.has(C2cField.HITM_PCT) || tableCols.has(C2cField.PEER_PCT))) {
            int hitm = tableCols.indexOf(C2cField.HITM_PCT);
            int peer = tableCols.indexOf(C2cField.PEER_PCT);
            return peer >= 0 && (hitm < 0 || peer < hitm) ? "peer" : "hitm";
        }
        if (stats.sortOn().isPresent()) {
            return stats.sortOn().get().contains("Peer") ? "peer" : "hitm";
        }
        return (tableCols != null && tableCols.peer()) || (paretoCols != null && paretoCols.peer()) ? "peer" : "hitm";
    }

    private String variant() {
        String base;
        if (tableCols != null) {
            base = "table-" + tableEra();
        } else if (paretoCols != null) {
            base = "pareto-only";
        } else {
            base = "stats-only";
        }
        return base + (tui ? "+tui" : "") + (guessedHeader ? "+no-header" : "") + (collapsed ? "+collapsed" : "")
                + (quoted ? "+quoted" : "");
    }

    /** The table layout by its columns: 4.10 (no Node), 4.17 (Node, PA cnt), 5.11 (Load Hitm), 5.19 (N/A). */
    private String tableEra() {
        if (tableCols.has(C2cField.LD_LLCMISS)) {
            return tableCols.has(C2cField.NODE) ? "4.17" : "4.10";
        }
        return tableCols.has(C2cField.STORE_NA) ? "5.19" : "5.11";
    }

    private static final List<String> ERAS = List.of("4.10", "4.17", "5.11", "5.19", "6.0");

    /**
     * The perf versions the layout allows: the newest feature seen sets the lower bound (peer or
     * 70-dash separators 6.0, store N/A 5.19, Load Hitm group 5.11, Node 4.17); a full table of an
     * older layout also sets the upper one.
     */
    private String perfVersion(String metric) {
        if (tableCols != null && tableCols.names().contains("Peer")) {
            // "Snoop / Peer" columns: the 2022 peer series before it was reworked for 6.0
            return "5.18 + unmerged peer patches";
        }
        int lower = -1;
        int table = -1;
        if (tableCols != null) {
            table = ERAS.indexOf(tableEra());
            lower = table;
        }
        if (paretoCols != null) {
            // Pareto: "Node  PA cnt" (4.17), "RmtHitm  LclHitm" (5.11), "N/A" (5.19)
            lower = Math.max(lower, paretoCols.has(C2cField.STORE_NA_PCT) ? ERAS.indexOf("5.19")
                    : !guessedHeader && paretoCols.names().contains("RmtHitm") ? ERAS.indexOf("5.11")
                    : paretoCols.has(C2cField.PA_COUNT) ? ERAS.indexOf("4.17") : -1);
        }
        if (stats.storeNa()) {
            lower = Math.max(lower, ERAS.indexOf("5.19"));
        }
        if (stats.peer() || metric.equals("peer") || separator70) {
            lower = ERAS.indexOf("6.0");
        }
        if (lower < 0) {
            return null;
        }
        // the 5.19 table layout is still the one perf prints today
        boolean bounded = table == lower && !tui && !collapsed && lower < ERAS.indexOf("5.19");
        return ">=" + ERAS.get(lower) + (bounded ? " <" + ERAS.get(lower + 1) : "");
    }

    private static String cell(String[] c, C2cColumns k, C2cField f) {
        int i = k.indexOf(f);
        return i < 0 ? null : c[i];
    }

    private static Long n(String[] c, C2cColumns k, C2cField f) {
        return C2cRows.count(cell(c, k, f));
    }

    private static Double pct(String[] c, C2cColumns k, C2cField f) {
        return C2cRows.percent(cell(c, k, f));
    }
}

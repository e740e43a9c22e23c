// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.c2c;

import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds the Pareto columns from the shape of a row when a paste lost the header lines.
 * <pre>
 *   9.22%  7.37%  0.00%  0.00%  0x0  0  1  0xffffffffab344052  518  334  354  5490  160  [k] vma_interval_tree_remove ...
 * </pre>
 * Percentages, then the offset, node / PA cnt / pid cells, the code address, cycles, records
 * and cpu count, then the symbol: the order every perf since 4.10 prints. HITM is assumed, since
 * only the lost header could say 'Peer Snoop'.
 */
final class C2cHeaderGuess {
    private C2cHeaderGuess() {
    }

    /** The header's first columns, enough to read a cacheline block header before any row. */
    static C2cColumns blockOnly() {
        return new C2cColumns(List.of("Num", "RmtHitm", "LclHitm", "L1 Hit", "L1 Miss", "N/A"),
                List.of(C2cField.NUM, C2cField.RMT_HITM_PCT, C2cField.LCL_HITM_PCT, C2cField.STORE_L1HIT_PCT,
                        C2cField.STORE_L1MISS_PCT, C2cField.STORE_NA_PCT), false);
    }

    static C2cColumns fromRow(String row) {
        List<String> tokens = C2cRows.tokens(row);
        List<String> names = new ArrayList<>(List.of("Num"));
        List<C2cField> fields = new ArrayList<>(List.of(C2cField.NUM));
        int i = 0;
        int pcts = 0;
        while (i < tokens.size() && C2cRows.fits(tokens.get(i), C2cField.RMT_HITM_PCT)) {
            pcts++;
            i++;
        }
        add(names, fields, pcts >= 2, "RmtHitm", C2cField.RMT_HITM_PCT, "LclHitm", C2cField.LCL_HITM_PCT);
        add(names, fields, pcts >= 4, "L1 Hit", C2cField.STORE_L1HIT_PCT, "L1 Miss", C2cField.STORE_L1MISS_PCT);
        add(names, fields, pcts >= 5, "N/A", C2cField.STORE_NA_PCT);
        if (i < tokens.size() && isHex(tokens.get(i))) {
            add(names, fields, true, "Offset", C2cField.OFFSET);
            i++;
        }
        int cells = 0;
        while (i + cells < tokens.size() && !isHex(tokens.get(i + cells))) {
            cells++;
        }
        // between the offset and the code address: Pid (4.10); Node, PA cnt (4.17+); then Pid, Tid (-c)
        add(names, fields, cells >= 2, "Node", C2cField.OFFSET_NODE, "PA cnt", C2cField.PA_COUNT);
        add(names, fields, cells == 1 || cells >= 3, "Pid", C2cField.PID);
        add(names, fields, cells >= 4, "Tid", C2cField.TID);
        i += cells;
        if (i < tokens.size() && isHex(tokens.get(i))) {
            add(names, fields, true, "Code address", C2cField.CODE_ADDRESS);
            i++;
        }
        int numbers = 0;
        while (i + numbers < tokens.size() && C2cRows.fits(tokens.get(i + numbers), C2cField.CYCLES_LOAD)) {
            numbers++;
        }
        add(names, fields, numbers >= 4, "rmt hitm", C2cField.CYCLES_RMT, "lcl hitm", C2cField.CYCLES_LCL,
                "load", C2cField.CYCLES_LOAD);
        add(names, fields, numbers >= 5, "records", C2cField.TOTAL_RECORDS);
        add(names, fields, numbers >= 4, "cnt", C2cField.CPU_COUNT);
        add(names, fields, true, "Symbol", C2cField.SYMBOL, "Object", C2cField.OBJECT,
                "Source:Line", C2cField.SOURCE_LINE, "Node", C2cField.NODES);
        return new C2cColumns(List.copyOf(names), List.copyOf(fields), false);
    }

    private static boolean isHex(String s) {
        return C2cRows.fits(s, C2cField.CODE_ADDRESS);
    }

    private static void add(List<String> names, List<C2cField> fields, boolean when, Object... pairs) {
        if (!when) {
            return;
        }
        for (int k = 0; k < pairs.length; k += 2) {
            names.add((String) pairs[k]);
            fields.add((C2cField) pairs[k + 1]);
        }
    }
}

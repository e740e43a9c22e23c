// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import io.hitmap.analysis.ResultTable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code hitmap top}'s result (hot-symbols.sql) -> text per capture, or JSON / CSV as the SQL
 * columns give them.
 * <pre>
 * capture 1  refbench-shared.perf-script.txt  (cpu-clock:ppp, top 3 symbols by self)
 *
 *       self   total  samples  symbol      shared object            commands
 *     62.87%  62.87%     1719  label_put   /usr/local/bin/refbench  refbench
 * </pre>
 * The text cuts symbols at 60 characters; JSON and CSV keep them whole.
 */
public final class HotSymbolsWriter {
    static final int SYMBOL_MAX = 60;
    private static final String NONE = "-";

    private HotSymbolsWriter() {
    }

    public static void write(ResultTable t, String sortedBy, TableFormat format, PrintWriter w) {
        if (format != TableFormat.TEXT) {
            ResultTableWriter.write(t, format, w);
            return;
        }
        List<String> cols = t.columns();
        int capture = cols.indexOf("capture_id");
        Object current = null;
        TextTable table = null;
        List<List<Object>> rows = t.rows();
        for (int i = 0; i < rows.size(); i++) {
            List<Object> r = rows.get(i);
            if (table == null || !Objects.equals(current, r.get(capture))) {
                if (table != null) {
                    table.print(w, "    ", false);
                    w.print('\n');
                }
                current = r.get(capture);
                long n = rows.stream().filter(x -> Objects.equals(x.get(capture), r.get(capture))).count();
                w.print(TerminalText.escape("capture " + r.get(capture) + "  " + r.get(cols.indexOf("path")) + "  ("
                        + Cells.text(r.get(cols.indexOf("event")), "no event") + ", top " + n
                        + (n == 1 ? " symbol" : " symbols") + " by " + sortedBy + ")") + "\n\n");
                table = new TextTable(List.of("self", "total", "samples", "symbol", "shared object", "commands"),
                        new boolean[] {true, true, true, false, false, false});
            }
            String kind = (String) r.get(cols.indexOf("symbol_kind"));
            String symbol = Cells.text(r.get(cols.indexOf("symbol")), NONE);
            table.add(new ArrayList<>(List.of(
                    Cells.percent(number(r.get(cols.indexOf("self_pct"))), NONE),
                    Cells.percent(number(r.get(cols.indexOf("children_pct"))), NONE),
                    Cells.text(r.get(cols.indexOf("samples")), NONE),
                    Cells.cut((kind == null ? "" : "[" + kind + "] ") + symbol, SYMBOL_MAX),
                    Cells.text(r.get(cols.indexOf("shared_object")), NONE),
                    Cells.text(r.get(cols.indexOf("commands")), NONE))));
        }
        if (table != null) {
            table.print(w, "    ", false);
        }
        w.flush();
    }

    private static Double number(Object v) {
        return v == null ? null : ((Number) v).doubleValue();
    }
}

// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hitmap.analysis.ResultTable;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HotSymbolsWriterTest {
    private static final List<String> COLUMNS = List.of("capture_id", "path", "event", "rank", "self_pct",
            "children_pct", "samples", "symbol", "symbol_kind", "shared_object", "commands");

    private static String render(TableFormat f, List<Object>... rows) {
        StringWriter out = new StringWriter();
        HotSymbolsWriter.write(new ResultTable(COLUMNS, List.of(rows)), "self", f, new PrintWriter(out));
        return out.toString();
    }

    @Test
    void textPerCaptureWithMarkersAndDashesForAbsentValues() {
        assertEquals("""
                capture 1  a.txt  (cycles, top 2 symbols by self)

                      self   total  samples  symbol                 shared object  commands
                    62.87%  62.87%     1719  [.] label_put          refbench       refbench
                     0.04%       -        -  [k] f\\x1b]0;pwned\\x07  -              Web Content
                """, render(TableFormat.TEXT,
                Arrays.asList(1, "a.txt", "cycles", 1, 62.87, 62.87, 1719L, "label_put", ".", "refbench", "refbench"),
                Arrays.asList(1, "a.txt", "cycles", 2, 0.04, null, null, "f\u001b]0;pwned\u0007", "k", null,
                        "Web Content")));
    }

    @Test
    void csvKeepsTheSqlColumns() {
        assertEquals("capture_id,path,event,rank,self_pct,children_pct,samples,symbol,symbol_kind,shared_object,"
                + "commands\r\n1,a.txt,cycles,1,62.87,,,\"a,b\",.,x,y\r\n", render(TableFormat.CSV,
                Arrays.asList(1, "a.txt", "cycles", 1, 62.87, null, null, "a,b", ".", "x", "y")));
    }
}

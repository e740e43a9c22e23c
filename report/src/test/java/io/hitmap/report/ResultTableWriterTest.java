// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hitmap.analysis.ResultTable;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ResultTableWriterTest {
    private static final ResultTable TABLE = new ResultTable(
            List.of("capture_id", "symbol", "rmt_hitm_pct", "ok", "note"),
            List.of(
                    Arrays.asList(1L, "std::vector<int>::push_back", 41.5, true, "a,b"),
                    Arrays.asList(12L, "x", 0.001234, false, "say \"hi\"\nbye"),
                    Arrays.asList(null, null, null, null, null)));

    static String render(ResultTable t, TableFormat f) {
        StringWriter s = new StringWriter();
        ResultTableWriter.write(t, f, new PrintWriter(s));
        return s.toString();
    }

    @Test
    void writesAlignedTextWithNumbersRightAlignedAndTwoDecimals() {
        assertEquals("""
                capture_id  symbol                       rmt_hitm_pct  ok     note
                ----------  ---------------------------  ------------  -----  ---------------
                         1  std::vector<int>::push_back         41.50  true   a,b
                        12  x                                1.23e-03  false  say "hi"\\x0abye
                      NULL  NULL                                 NULL  NULL   NULL
                (3 rows)
                """, render(TABLE, TableFormat.TEXT));
    }

    @Test
    void escapesControlCharactersInTextCellsAndHeadersButNotInJsonOrCsv() {
        // OSC 0 sets the terminal's window title; \u009b is the one-character CSI; DEL and tab too
        String evil = "\u001b]0;pwned\u0007";
        ResultTable t = new ResultTable(List.of("sym\u009bbol", "tab"), List.of(List.of(evil, "a\tb\u007f")));
        assertEquals("""
                sym\\x9bbol        tab
                ----------------  ----------
                \\x1b]0;pwned\\x07  a\\x09b\\x7f
                (1 row)
                """, render(t, TableFormat.TEXT));
        assertTrue(render(t, TableFormat.JSON).contains("\"sym\u009bbol\": \"\\u001B]0;pwned\\u0007\""),
                render(t, TableFormat.JSON));
        assertTrue(render(t, TableFormat.CSV).startsWith("sym\u009bbol,tab\r\n" + evil + ","), render(t, TableFormat.CSV));
    }

    @Test
    void writesTextNumbersInRootLocaleWhateverTheDefault() {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            ResultTable t = new ResultTable(List.of("pct", "records"), List.of(List.of(1234.5, 1234567L)));
            assertEquals("""
                        pct  records
                    -------  -------
                    1234.50  1234567
                    (1 row)
                    """, render(t, TableFormat.TEXT));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void writesJsonArrayOfObjectsInColumnOrderWithTypes() {
        assertEquals("""
                [
                  {
                    "capture_id": 1,
                    "symbol": "std::vector<int>::push_back",
                    "rmt_hitm_pct": 41.5,
                    "ok": true,
                    "note": "a,b"
                  },
                  {
                    "capture_id": 12,
                    "symbol": "x",
                    "rmt_hitm_pct": 0.001234,
                    "ok": false,
                    "note": "say \\"hi\\"\\nbye"
                  },
                  {
                    "capture_id": null,
                    "symbol": null,
                    "rmt_hitm_pct": null,
                    "ok": null,
                    "note": null
                  }
                ]
                """, render(TABLE, TableFormat.JSON));
    }

    @Test
    void writesRfc4180CsvQuotingCommaQuoteAndNewline() {
        assertEquals("capture_id,symbol,rmt_hitm_pct,ok,note\r\n"
                + "1,std::vector<int>::push_back,41.5,true,\"a,b\"\r\n"
                + "12,x,0.001234,false,\"say \"\"hi\"\"\nbye\"\r\n"
                + ",,,,\r\n", render(TABLE, TableFormat.CSV));
    }

    @Test
    void writesCsvDoublesWithoutExponent() {
        ResultTable t = new ResultTable(List.of("tiny", "huge"), List.of(List.of(1.5e-7, 2.0e21)));
        assertEquals("tiny,huge\r\n0.00000015,2000000000000000000000\r\n", render(t, TableFormat.CSV));
    }

    @Test
    void writesEmptyResultAsHeaderOnlyOrEmptyArray() {
        ResultTable empty = new ResultTable(List.of("n"), List.of());
        assertEquals("n\n-\n(0 rows)\n", render(empty, TableFormat.TEXT));
        assertEquals("[ ]\n", render(empty, TableFormat.JSON));
        assertEquals("n\r\n", render(empty, TableFormat.CSV));
    }

    @Test
    void parsesFormatNamesIgnoringCase() {
        assertEquals(TableFormat.JSON, TableFormat.parse("JSON"));
        assertEquals(TableFormat.CSV, TableFormat.parse("csv"));
        assertEquals("text", TableFormat.TEXT.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TableFormat.parse("xml"));
        assertEquals("unknown format 'xml' (expected text, json or csv)", e.getMessage());
    }
}

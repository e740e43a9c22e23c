// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.hitmap.analysis.ResultTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A {@link ResultTable} -> an aligned text table, a JSON array of objects, or RFC 4180 CSV. */
public final class ResultTableWriter {
    private ResultTableWriter() {
    }

    public static void write(ResultTable table, TableFormat format, PrintWriter w) {
        switch (format) {
            case TEXT -> text(table, w);
            case JSON -> json(table, w);
            case CSV -> csv(table, w);
            default -> throw new IllegalArgumentException("unhandled format " + format);
        }
        w.flush();
    }

    /**
     * Like psql: header, a rule, rows, then {@code (N rows)}. Numeric columns are right-aligned,
     * doubles show 2 decimals, NULL is spelled out.
     */
    static void text(ResultTable table, PrintWriter w) {
        List<String> columns = table.columns();
        boolean[] right = new boolean[columns.size()];
        for (int c = 0; c < right.length; c++) {
            right[c] = isNumericColumn(table, c);
        }
        TextTable t = new TextTable(columns, right);
        for (List<Object> row : table.rows()) {
            List<String> cells = new ArrayList<>(row.size());
            for (Object v : row) {
                cells.add(Cells.text(v, "NULL"));
            }
            t.add(cells);
        }
        if (!columns.isEmpty()) {
            t.print(w, "", true);
        }
        int n = table.rows().size();
        w.print("(" + n + (n == 1 ? " row)" : " rows)") + "\n");
    }

    private static boolean isNumericColumn(ResultTable table, int c) {
        boolean any = false;
        for (List<Object> row : table.rows()) {
            Object v = row.get(c);
            if (v != null && !Cells.isNumber(v)) {
                return false;
            }
            any |= v != null;
        }
        return any;
    }

    static void json(ResultTable table, PrintWriter w) {
        try (JsonGenerator g = Json.generator(w)) {
            g.writeStartArray();
            for (List<Object> row : table.rows()) {
                g.writeStartObject();
                for (int c = 0; c < table.columns().size(); c++) {
                    g.writeFieldName(table.columns().get(c));
                    Json.value(g, row.get(c));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        w.print('\n');
    }

    /** RFC 4180: CRLF after every record, header first, fields quoted only when they need it. */
    static void csv(ResultTable table, PrintWriter w) {
        csvRecord(w, new ArrayList<>(table.columns()));
        for (List<Object> row : table.rows()) {
            csvRecord(w, row);
        }
    }

    static void csvRecord(PrintWriter w, List<?> values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(csvField(Cells.csv(values.get(i))));
        }
        w.print(sb.append("\r\n"));
    }

    /** Quotes a field containing a comma, a double quote, CR or LF, doubling inner quotes. */
    static String csvField(String s) {
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}

// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rows of one SQL result, with every value normalised to Long, Double, String, Boolean or
 * null: integer types become Long, DECIMAL/FLOAT become Double, HUGEINT becomes Long when it
 * fits (else its decimal String), lists print as {@code [1, 2]}, anything else as its text.
 */
public record ResultTable(List<String> columns, List<List<Object>> rows) {

    public ResultTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(r -> Collections.unmodifiableList(new ArrayList<>(r))).toList();
    }

    /** Reads {@code rs} to the end. */
    static ResultTable read(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int c = 1; c <= md.getColumnCount(); c++) {
            columns.add(md.getColumnLabel(c));
        }
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
            List<Object> row = new ArrayList<>(columns.size());
            for (int c = 1; c <= columns.size(); c++) {
                row.add(normalise(rs.getObject(c)));
            }
            rows.add(row);
        }
        return new ResultTable(columns, rows);
    }

    static Object normalise(Object v) throws SQLException {
        if (v == null || v instanceof Long || v instanceof Double || v instanceof String || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : b.toString();
        }
        if (v instanceof BigDecimal || v instanceof Float) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof Array a && a.getArray() instanceof Object[] items) {
            List<String> parts = new ArrayList<>();
            for (Object item : items) {
                parts.add(String.valueOf(normalise(item)));
            }
            return parts.stream().collect(Collectors.joining(", ", "[", "]"));
        }
        return v.toString();
    }
}

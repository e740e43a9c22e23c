// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.arrow;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Records -> Arrow rows through a {@link Columns} map (column name -> record accessor); every row
 * gets the capture_id. Nulls stay null. Shared by the converters of every capture kind.
 */
public final class RowsToArrow {
    private RowsToArrow() {
    }

    /** A new root of {@code table}'s schema holding {@code rows}; the caller closes it. */
    public static <R> VectorSchemaRoot fill(BufferAllocator a, String table, int captureId,
                                            List<R> rows, Columns<R> columns) {
        VectorSchemaRoot root = VectorSchemaRoot.create(HitmapTables.schema(table), a);
        try {
            columns.checkCovers(table, root);
            for (FieldVector v : root.getFieldVectors()) {
                v.setInitialCapacity(rows.size());
                v.allocateNew();
                Function<R, ?> get = v.getName().equals("capture_id") ? r -> captureId : columns.get(v.getName());
                for (int i = 0; i < rows.size(); i++) {
                    set(v, i, get.apply(rows.get(i)));
                }
            }
            root.setRowCount(rows.size());
            return root;
        } catch (RuntimeException e) {
            root.close();
            throw e;
        }
    }

    /** Writes one value (Integer/Long/Double/any Number, or text via toString) or null at row {@code i}. */
    public static void set(FieldVector v, int i, Object value) {
        if (v instanceof IntVector iv) {
            if (value == null) iv.setNull(i); else iv.setSafe(i, ((Number) value).intValue());
        } else if (v instanceof BigIntVector bv) {
            if (value == null) bv.setNull(i); else bv.setSafe(i, ((Number) value).longValue());
        } else if (v instanceof Float8Vector fv) {
            if (value == null) fv.setNull(i); else fv.setSafe(i, ((Number) value).doubleValue());
        } else if (v instanceof VarCharVector sv) {
            if (value == null) sv.setNull(i); else sv.setSafe(i, value.toString().getBytes(StandardCharsets.UTF_8));
        } else {
            throw new IllegalStateException("no writer for " + v.getField());
        }
    }

    /** "17,23,40"; null when the list is empty. */
    public static String joined(List<?> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Column name -> the record accessor that fills it (every column except capture_id). */
    public static final class Columns<R> {
        private final Map<String, Function<R, ?>> getters = new LinkedHashMap<>();

        public Columns<R> put(String column, Function<R, ?> getter) {
            getters.put(column, getter);
            return this;
        }

        Function<R, ?> get(String column) {
            return getters.get(column);
        }

        // schema and accessors are written separately; a mismatch is a bug, so fail loudly
        void checkCovers(String table, VectorSchemaRoot root) {
            List<String> names = root.getSchema().getFields().stream().map(f -> f.getName()).toList();
            for (String n : names) {
                if (!n.equals("capture_id") && !getters.containsKey(n)) {
                    throw new IllegalStateException(table + "." + n + " has no accessor");
                }
            }
            for (String n : getters.keySet()) {
                if (!names.contains(n)) {
                    throw new IllegalStateException(table + "." + n + " is not in the table's schema");
                }
            }
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.arrow;

import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Records -> one table's rows in a VectorSchemaRoot that is filled to {@code capacity}, handed to a
 * {@link TableSink}, cleared and refilled: a table of any length needs the memory of one batch.
 * Columns come from a {@link RowsToArrow.Columns} map, so a schema and its accessors are checked
 * against each other as for {@link RowsToArrow#fill}.
 */
public final class RowBatch<R> implements AutoCloseable {
    private final String table;
    private final int capacity;
    private final TableSink sink;
    private final VectorSchemaRoot root;
    private final FieldVector[] vectors;
    private final Function<R, ?>[] getters;
    private int rows;

    @SuppressWarnings("unchecked")
    public RowBatch(BufferAllocator a, String table, int captureId, RowsToArrow.Columns<R> columns, int capacity,
                    TableSink sink) {
        this.table = table;
        this.capacity = capacity;
        this.sink = sink;
        this.root = VectorSchemaRoot.create(HitmapTables.schema(table), a);
        try {
            columns.checkCovers(table, root);
            List<FieldVector> vs = root.getFieldVectors();
            vectors = vs.toArray(new FieldVector[0]);
            getters = new Function[vectors.length];
            for (int i = 0; i < vectors.length; i++) {
                String n = vectors[i].getName();
                getters[i] = n.equals("capture_id") ? r -> captureId : columns.get(n);
                vectors[i].setInitialCapacity(capacity);
                vectors[i].allocateNew();
            }
        } catch (RuntimeException e) {
            root.close();
            throw e;
        }
    }

    /** Adds one row; a full batch goes to the sink first. */
    public void add(R row) throws SQLException {
        if (rows == capacity) {
            flush();
        }
        for (int i = 0; i < vectors.length; i++) {
            RowsToArrow.set(vectors[i], rows, getters[i].apply(row));
        }
        rows++;
    }

    /** Sends the rows added since the last flush, if any. */
    public void flush() throws SQLException {
        if (rows == 0) {
            return;
        }
        root.setRowCount(rows);
        sink.accept(table, root);
        for (FieldVector v : vectors) {
            v.reset();
        }
        rows = 0;
    }

    @Override
    public void close() {
        root.close();
    }
}

// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.arrow;

import io.hitmap.ingest.profile.ChainNode;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Tree nodes -> rows of {@code profile_callchains} in one VectorSchemaRoot that is filled, sent and
 * refilled, written column by column without boxing: a call-graph report has a row per tree line,
 * so this is the hot table (the generic {@link RowBatch} serves the others).
 */
final class ChainNodeBatch implements AutoCloseable {
    private static final byte[] GRAPH = "graph".getBytes(StandardCharsets.UTF_8);

    private final int captureId;
    private final int capacity;
    private final TableSink sink;
    private final VectorSchemaRoot root;
    private final IntVector capture;
    private final IntVector section;
    private final IntVector entry;
    private final IntVector node;
    private final IntVector parent;
    private final IntVector depth;
    private final VarCharVector symbol;
    private final Float8Vector percent;
    private final VarCharVector style;
    private final IntVector line;
    private int rows;

    ChainNodeBatch(BufferAllocator a, int captureId, int capacity, TableSink sink) {
        this.captureId = captureId;
        this.capacity = capacity;
        this.sink = sink;
        root = VectorSchemaRoot.create(HitmapTables.schema(ProfileSchemas.CALLCHAINS), a);
        try {
            root.allocateNew();
        } catch (RuntimeException e) {
            root.close();
            throw e;
        }
        capture = (IntVector) root.getVector("capture_id");
        section = (IntVector) root.getVector("section_no");
        entry = (IntVector) root.getVector("entry_no");
        node = (IntVector) root.getVector("node_id");
        parent = (IntVector) root.getVector("parent_id");
        depth = (IntVector) root.getVector("depth");
        symbol = (VarCharVector) root.getVector("symbol");
        percent = (Float8Vector) root.getVector("percent");
        style = (VarCharVector) root.getVector("style");
        line = (IntVector) root.getVector("source_line_no");
        if (root.getFieldVectors().size() != 10) {
            throw new IllegalStateException(ProfileSchemas.CALLCHAINS + " has columns ChainNodeBatch does not write: "
                    + root.getSchema());
        }
    }

    void add(ChainNode n) throws SQLException {
        if (rows == capacity) {
            flush();
        }
        int i = rows++;
        capture.setSafe(i, captureId);
        section.setSafe(i, n.sectionNo());
        entry.setSafe(i, n.entryNo());
        node.setSafe(i, n.nodeId());
        if (n.parentId() == null) parent.setNull(i); else parent.setSafe(i, n.parentId());
        depth.setSafe(i, n.depth());
        symbol.setSafe(i, n.symbol().getBytes(StandardCharsets.UTF_8));
        if (n.percent() == null) percent.setNull(i); else percent.setSafe(i, n.percent());
        style.setSafe(i, n.style().equals("graph") ? GRAPH : n.style().getBytes(StandardCharsets.UTF_8));
        line.setSafe(i, n.sourceLineNo());
    }

    void flush() throws SQLException {
        if (rows == 0) {
            return;
        }
        root.setRowCount(rows);
        sink.accept(ProfileSchemas.CALLCHAINS, root);
        root.getFieldVectors().forEach(FieldVector::reset);
        rows = 0;
    }

    @Override
    public void close() {
        root.close();
    }
}

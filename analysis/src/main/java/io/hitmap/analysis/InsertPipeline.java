// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

import io.hitmap.ingest.arrow.TableSink;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.TransferPair;

/**
 * A {@link TableSink} that lets the parser go on while DuckDB inserts: each batch's buffers move
 * (Arrow transfer, no copy) into a new root that a writer thread inserts, while the parser refills
 * its own vectors. At most {@link #DEPTH} batches wait, so memory stays that of a few batches; the
 * writer is the only thread that touches the connection until {@link #finish} returns.
 */
final class InsertPipeline implements TableSink, AutoCloseable {
    static final int DEPTH = 2;
    private static final Item END = new Item(null, null);

    private record Item(String table, VectorSchemaRoot root) {
    }

    private final BufferAllocator allocator;
    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(DEPTH);
    private final Thread writer;
    private volatile Exception failure;
    private boolean finished;

    InsertPipeline(BufferAllocator allocator, TableSink target) {
        this.allocator = allocator;
        this.writer = new Thread(() -> drain(target), "hitmap-insert");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    private void drain(TableSink target) {
        while (true) {
            Item item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (item == END) {
                return;
            }
            try (VectorSchemaRoot root = item.root()) {
                if (failure == null) {
                    target.accept(item.table(), root);
                }
            } catch (Exception | Error e) {
                failure = e instanceof Exception ex ? ex : new IllegalStateException(e);
            }
        }
    }

    /** Takes the batch's buffers (the caller's vectors are left empty and reallocated) and queues them. */
    @Override
    public void accept(String table, VectorSchemaRoot batch) throws SQLException {
        rethrow();
        VectorSchemaRoot moved = moved(batch);
        try {
            queue.put(new Item(table, moved));
        } catch (InterruptedException e) {
            moved.close();
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while queueing a batch of " + table, e);
        }
    }

    private VectorSchemaRoot moved(VectorSchemaRoot batch) {
        int rows = batch.getRowCount();
        java.util.List<FieldVector> to = new java.util.ArrayList<>();
        for (FieldVector v : batch.getFieldVectors()) {
            int values = Math.max(rows, 1);
            long bytes = v instanceof BaseVariableWidthVector w && rows > 0
                    ? Math.max(w.getOffsetBuffer().getInt((long) rows * BaseVariableWidthVector.OFFSET_WIDTH), 1) : 1;
            TransferPair tp = v.getTransferPair(allocator);
            tp.transfer();
            to.add((FieldVector) tp.getTo());
            // the parser keeps filling this vector: give it room for a batch like this one at once
            if (v instanceof BaseVariableWidthVector w) {
                w.allocateNew(bytes, values);
            } else {
                v.setInitialCapacity(values);
                v.allocateNew();
            }
        }
        VectorSchemaRoot root = new VectorSchemaRoot(batch.getSchema(), to, rows);
        batch.setRowCount(0);
        return root;
    }

    /** Waits for every queued batch to be inserted; throws what the writer met. */
    void finish() throws SQLException {
        finished = true;
        try {
            queue.put(END);
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while inserting", e);
        }
        rethrow();
    }

    private void rethrow() throws SQLException {
        Exception e = failure;
        if (e instanceof SQLException s) {
            throw s;
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e != null) {
            throw new SQLException(e);
        }
    }

    /** After a failure on the parser's side: stops the writer and frees the batches still queued. */
    @Override
    public void close() {
        if (!finished) {
            failure = failure != null ? failure : new SQLException("abandoned");
            writer.interrupt();
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Item item;
            while ((item = queue.poll()) != null) {
                if (item.root() != null) {
                    item.root().close();
                }
            }
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.arrow;

import java.sql.SQLException;
import org.apache.arrow.memory.BufferAllocator;

/** A capture parsed into memory before it is written: its rows go out in one batch per table. */
record ParsedCapture(String path, String sha256, Writer writer) implements ArrowCapture {
    /** Sends every table of the capture to the sink. */
    @FunctionalInterface
    interface Writer {
        void write(BufferAllocator a, int captureId, TableSink sink) throws SQLException;
    }

    @Override
    public void write(BufferAllocator allocator, int captureId, TableSink sink) throws SQLException {
        writer.write(allocator, captureId, sink);
    }
}

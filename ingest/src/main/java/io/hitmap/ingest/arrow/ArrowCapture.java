// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.arrow;

import io.hitmap.ingest.PerfParseException;
import java.io.IOException;
import java.sql.SQLException;
import org.apache.arrow.memory.BufferAllocator;

/**
 * One capture of any kind (c2c, perf report, perf script) as rows of the tables in
 * {@link HitmapTables}. A capture parsed into memory writes one batch per table; a streaming one
 * parses while it writes, so a parse error can surface here, after some batches went out: the
 * caller writes inside a transaction and rolls back.
 */
public interface ArrowCapture {
    /** The input file as given. */
    String path();

    /** SHA-256 of the input bytes, or null when not known before {@link #write} (streaming). */
    String sha256();

    /** Sends every row, each tagged {@code captureId}, the {@code captures} row included. */
    void write(BufferAllocator allocator, int captureId, TableSink sink)
            throws IOException, PerfParseException, SQLException;
}

// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

import java.io.IOException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * One in-memory VectorSchemaRoot -> an ArrowReader yielding it as a single batch, so it can be
 * exported as a C stream. Arrow Java has no such reader; this one copies no data (the unloaded
 * batch shares the buffers by reference count).
 */
final class RootReader extends ArrowReader {
    private final VectorSchemaRoot source;
    private boolean consumed;

    RootReader(BufferAllocator allocator, VectorSchemaRoot source) {
        super(allocator);
        this.source = source;
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        if (consumed) {
            return false;
        }
        consumed = true;
        ensureInitialized();
        loadRecordBatch(new VectorUnloader(source).getRecordBatch());
        return true;
    }

    @Override
    public long bytesRead() {
        return 0;
    }

    @Override
    protected void closeReadSource() {
        // the source root belongs to the caller
    }

    @Override
    protected Schema readSchema() {
        return source.getSchema();
    }
}

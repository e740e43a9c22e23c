// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.arrow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.arrow.util.AutoCloseables;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One capture as Arrow tables: table name -> VectorSchemaRoot, in the order of
 * {@link C2cSchemas#TABLES}. Owns the vectors; closing it releases their memory.
 */
public final class CaptureTables implements AutoCloseable {
    private final int captureId;
    private final Map<String, VectorSchemaRoot> tables;

    CaptureTables(int captureId, Map<String, VectorSchemaRoot> tables) {
        this.captureId = captureId;
        this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    public int captureId() {
        return captureId;
    }

    /** Every table, captures first; the roots stay owned by this object. */
    public Map<String, VectorSchemaRoot> tables() {
        return tables;
    }

    /** The table called {@code name}; throws IllegalArgumentException for an unknown name. */
    public VectorSchemaRoot table(String name) {
        VectorSchemaRoot root = tables.get(name);
        if (root == null) {
            throw new IllegalArgumentException("no table \"" + name + "\", expected one of " + tables.keySet());
        }
        return root;
    }

    @Override
    public void close() {
        try {
            AutoCloseables.close(tables.values());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("closing Arrow tables of capture " + captureId, e);
        }
    }
}

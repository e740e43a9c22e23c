// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.arrow;

import java.sql.SQLException;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Where an {@link ArrowCapture} sends its rows: one batch of one table at a time. */
@FunctionalInterface
public interface TableSink {
    /**
     * Takes the rows of {@code batch} for {@code table}. The batch still belongs to the caller, who
     * may reuse or close it as soon as this returns.
     */
    void accept(String table, VectorSchemaRoot batch) throws SQLException;
}

// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.arrow;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The column kinds every hitmap table is made of. Types: ids and indexes INT (Int32), counts BIGINT
 * (Int64), percentages, times and cycles DOUBLE, text VARCHAR (Utf8). Only key columns are
 * non-nullable; every other column is null when perf did not print it.
 */
public final class ArrowFields {
    public static final ArrowType INT = new ArrowType.Int(32, true);
    public static final ArrowType BIGINT = new ArrowType.Int(64, true);
    public static final ArrowType DOUBLE = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
    public static final ArrowType VARCHAR = ArrowType.Utf8.INSTANCE;

    private ArrowFields() {
    }

    public static Schema schema(Field... fields) {
        return new Schema(new ArrayList<>(List.of(fields)));
    }

    /** A non-nullable column: capture_id, indexes, source line numbers. */
    public static Field key(String name, ArrowType type) {
        return new Field(name, FieldType.notNullable(type), null);
    }

    public static Field nullable(String name, ArrowType type) {
        return new Field(name, FieldType.nullable(type), null);
    }

    /** A nullable BIGINT. */
    public static Field count(String name) {
        return nullable(name, BIGINT);
    }

    /** A nullable DOUBLE: percentages as printed (41.5 for 41.50%), mean cycles, seconds. */
    public static Field num(String name) {
        return nullable(name, DOUBLE);
    }

    /** A nullable VARCHAR. */
    public static Field text(String name) {
        return nullable(name, VARCHAR);
    }
}

// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import java.util.Locale;

/** The name a user types after {@code --format} -> the output format it selects. */
public enum TableFormat {
    /** Aligned columns for a terminal. */
    TEXT,
    /** A JSON array of objects, keys in column order. */
    JSON,
    /** RFC 4180 CSV with a header row. */
    CSV;

    /** Parses {@code text}, {@code json} or {@code csv}, ignoring case. */
    public static TableFormat parse(String name) {
        for (TableFormat f : values()) {
            if (f.toString().equalsIgnoreCase(name.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "' (expected text, json or csv)");
    }

    /** The lower-case name users type. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

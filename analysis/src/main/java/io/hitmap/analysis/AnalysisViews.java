// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The SQL interface hitmap builds over the tables: temporary views and macros (classification,
 * fingerprints, line matching), created on every connection so that {@code hitmap query} sees them
 * too, also on a store opened read-only. Each file in {@code views/} next to this class is a
 * script of {@code CREATE OR REPLACE TEMP VIEW/MACRO} statements separated by lines holding only
 * {@code ;}; they run in the order of {@link #FILES}.
 */
final class AnalysisViews {
    /** The scripts, in dependency order. */
    static final List<String> FILES = List.of("estimates.sql", "classify.sql", "diff.sql");

    private AnalysisViews() {
    }

    static void install(Connection conn) throws SQLException {
        ClassifyRules.install(conn);
        try (Statement st = conn.createStatement()) {
            for (String file : FILES) {
                for (String sql : ContendedLines.resource("views/" + file).split("(?m)^;\\s*$")) {
                    if (!sql.strip().isEmpty() && !sql.lines().allMatch(l -> l.strip().isEmpty() || l.strip().startsWith("--"))) {
                        try {
                            st.execute(sql);
                        } catch (SQLException e) {
                            throw new SQLException("views/" + file + ": " + e.getMessage(), e);
                        }
                    }
                }
            }
        }
    }
}

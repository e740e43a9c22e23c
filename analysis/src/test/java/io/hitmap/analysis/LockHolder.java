// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Test helper run in a second JVM: store path -> holds DuckDB's write lock on it, prints
 * {@code locked}, and lets go when its stdin closes. DuckDB locks per process, so only another
 * process can show what a second hitmap writer sees.
 */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + args[0])) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() != -1) {
                // wait for the test to close our stdin
            }
        }
    }
}

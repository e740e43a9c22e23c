// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hitmap store that cannot be used as asked -> a one-line message naming the file and what
 * was expected or found, e.g. {@code caps.duckdb: store is in use by another process (PID 4707)}.
 */
public final class StoreException extends SQLException {
    private static final long serialVersionUID = 1L;
    // eg, IO Error: Could not set lock on file "/tmp/s.duckdb": Conflicting lock is held in /usr/bin/java (PID 4707). See also ...
    private static final Pattern LOCK_PID = Pattern.compile("\\(PID (?<pid>\\d+)\\)");

    public StoreException(String store, String problem) {
        super(store + ": " + problem);
    }

    public StoreException(String store, String problem, Throwable cause) {
        super(store + ": " + problem, cause);
    }

    /** Maps what DuckDB 1.5 says when it cannot open a database file to what the user can do. */
    static StoreException fromOpenFailure(String store, SQLException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        if (msg.contains("Could not set lock")) {
            Matcher m = LOCK_PID.matcher(msg);
            String pid = m.find() ? " (PID " + m.group("pid") + ")" : "";
            return new StoreException(store, "store is in use by another process" + pid
                    + "; try again when it has finished", e);
        }
        if (msg.contains("not a valid DuckDB database file")) {
            return new StoreException(store, "not a hitmap store: expected a DuckDB database file, found another kind of file", e);
        }
        if (msg.contains("database does not exist")) {
            return new StoreException(store, "no such store; ingest a capture into it first", e);
        }
        if (msg.contains("Permission denied")) {
            return new StoreException(store, "cannot open the store: permission denied", e);
        }
        if (msg.contains("different configuration")) {
            return new StoreException(store, "store is already open in this process in the other mode (read-only vs read-write)", e);
        }
        return new StoreException(store, "cannot open store: " + msg.lines().findFirst().orElse("unknown DuckDB error"), e);
    }
}

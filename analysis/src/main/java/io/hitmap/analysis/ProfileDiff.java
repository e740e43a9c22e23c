// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

import java.sql.SQLException;

/**
 * Two perf report captures of a {@link HitmapDb} -> their symbols side by side, like {@code perf diff}:
 * baseline self share, after share and the delta in percentage points, with status persisting,
 * removed or new. The rules are the table macro {@code profile_diff} in {@code views/diff.sql}.
 */
public record ProfileDiff(DiffSide before, DiffSide after, ResultTable symbols) {

    public static ProfileDiff compare(HitmapDb db, DiffSide before, DiffSide after) throws SQLException {
        return new ProfileDiff(before, after,
                db.query("SELECT * FROM profile_diff(" + before.captureId() + ", " + after.captureId() + ")"));
    }
}

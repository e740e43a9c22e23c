// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

/** One side of a comparison: a capture of the store -> its id, path, kind and metric (null for perf report). */
public record DiffSide(int captureId, String path, String kind, String metric) {

    /** The capture {@code captureId} of {@code db}, or null when the store has none with that id. */
    public static DiffSide of(HitmapDb db, int captureId) throws java.sql.SQLException {
        ResultTable t = db.query("SELECT capture_id, path, kind, metric FROM captures WHERE capture_id = " + captureId);
        if (t.rows().isEmpty()) {
            return null;
        }
        var r = t.rows().get(0);
        return new DiffSide(captureId, (String) r.get(1), (String) r.get(2), (String) r.get(3));
    }
}

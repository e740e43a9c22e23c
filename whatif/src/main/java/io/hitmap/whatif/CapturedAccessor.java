// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

import io.hitmap.analysis.RankedAccessor;
import java.util.regex.Pattern;

/**
 * One Pareto row of a captured line -> what a replay needs from it: its remote and local HITM samples and
 * store samples (its printed shares times the line's counts), its role from {@code accessor_roles}
 * (refcount, lock, atomic, other) and whether it writes the line.
 *
 * @param rmw a locked RMW or a store: the row has store samples, its source is an atomic helper
 *            (atomic64_64.h, refcount.h, ...), it is a lock, or it has no source:line and a refcount/atomic
 *            symbol; every other row is a plain load
 */
public record CapturedAccessor(RankedAccessor row, String role, boolean rmw, double rmtHitm, double lclHitm,
                               double storeL1Hit, double storeL1Miss, double storeNa) {

    // a get/put symbol that drops the reference: put_cred, revert_creds, kref_put, percpu_ref_put, fput, dput
    private static final Pattern PUT = Pattern.compile("put|revert|release|drop|dec|unref|free");

    public double hitm() {
        return rmtHitm + lclHitm;
    }

    public boolean refcount() {
        return "refcount".equals(role);
    }

    /** Whether a strategy's put (rather than its get) stands for this accessor: its symbol says it drops a reference. */
    public boolean put() {
        return row.symbol() != null && PUT.matcher(row.symbol()).find();
    }

    /** symbol source:line, as the tables print an accessor. */
    public String label() {
        return (row.symbol() == null ? "?" : row.symbol()) + " " + (row.sourceLine() == null ? "?" : row.sourceLine());
    }
}

// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

/** kref / refcount_t: get and put are each one locked RMW on the object's line (refcount_t is 4 bytes). */
public final class Kref extends OneRmwEach {
    @Override
    public String name() {
        return "kref";
    }

    @Override
    public String source() {
        return "kref_get/kref_put on aa_label: 'atomic_fetch_add and atomic_fetch_sub', seeds/000 (Upadhyay, RFC 0/9)";
    }
}

// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

/** No reference at all and no shared access: the workload without the subsystem (AppArmor off). */
public final class Off extends NothingShared {
    @Override
    public String name() {
        return "off";
    }

    @Override
    public String source() {
        return "apparmor=off column of the scaling table, seeds/000 (Upadhyay, RFC 0/9, 2024-01-10)";
    }
}

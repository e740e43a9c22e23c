// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

/**
 * Managed percpu_ref, immortal-ref swap variant (Upadhyay, RFC 0/9, seeds/000): instead of switching the
 * live label to atomic mode for a grace period, the kworker swaps in an immortal ref and checks the old
 * one behind it, so readers never see an atomic window; the price is more mode switches (three per label
 * per scan instead of one: to the swap, the check, back) and a second ref per label.
 */
public final class ImmortalSwapPercpuRef extends PercpuFastPath {
    @Override
    public String name() {
        return "managed-percpu-swap";
    }

    @Override
    public String source() {
        return "Upadhyay, [RFC 0/9] Nginx refcount scalability issue with Apparmor enabled, 2024-01-10 (seeds/000): "
                + "immortal ref swap avoids the atomic window at the price of extra switches";
    }

    /** Two percpu_refs (the live one and the immortal swap) plus the llist node. */
    @Override
    public long bytesPerObject(int cpus) {
        return 2 * percpuRefBytes(cpus) + 8;
    }

    @Override
    public double reclaimDelayMs(Scenario s) {
        return s.scanPeriodMs().value() / 2 + 3 * s.rcuGracePeriodMs().value();
    }

    @Override
    public double rcuCallbacksPerSecond(Scenario s) {
        return 3 * 1000 * s.objects() / s.scanPeriodMs().value();
    }
}

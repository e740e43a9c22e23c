// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

/**
 * Managed percpu_ref (Upadhyay, RFC 0/9, seeds/000): percpu mode, except that a kworker scans every label
 * each scan period and switches it to atomic mode for at least one RCU grace period to test for zero.
 * During that atomic window every get/put is a kref RMW. Back-to-back switches serialise on the global
 * percpu_ref_switch_lock; with the scenario's labels scanned one after another the windows do not
 * overlap, so the lock adds no time here (a scenario with more labels than fit in one period would).
 */
public final class ManagedPercpuRef extends PercpuFastPath {
    @Override
    public String name() {
        return "managed-percpu";
    }

    @Override
    public String source() {
        return "Upadhyay, [RFC 0/9] Nginx refcount scalability issue with Apparmor enabled, 2024-01-10 (seeds/000)";
    }

    @Override
    public long bytesPerObject(int cpus) {
        return percpuRefBytes(cpus) + 8; // + the llist node the kworker scans
    }

    /** One atomic window (a grace period plus the callback) per scan period. */
    @Override
    public double fallbackShare(Scenario s) {
        return Math.min(1, s.rcuGracePeriodMs().value() / s.scanPeriodMs().value());
    }

    @Override
    public Strategy fallback() {
        return new Kref();
    }

    @Override
    public double reclaimDelayMs(Scenario s) {
        return s.scanPeriodMs().value() / 2 + s.rcuGracePeriodMs().value(); // wait for the scan, then its atomic window
    }

    @Override
    public double rcuCallbacksPerSecond(Scenario s) {
        return 1000 * s.objects() / s.scanPeriodMs().value(); // every label switches to atomic once per scan
    }
}

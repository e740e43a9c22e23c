// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

import io.hitmap.sim.Strategy;
import java.util.List;
import java.util.Map;

/**
 * A strategy, a capture and a target -> why the strategy cannot stand for what the target selects (a lock
 * is not a reference count; readers alone take no references), or null when it can; and, for each
 * strategy, what must hold of the object for it to be correct, which no capture can tell.
 */
public final class Applicability {
    private static final Map<String, String> HOLDS_IF = Map.ofEntries(
            Map.entry("kref", "always: it is the capture's own counting"),
            Map.entry("kref-unless-zero", "lookups may find a dying object; get retries its cmpxchg"),
            Map.entry("rcuref", "the object is freed after an RCU grace period"),
            Map.entry("percpu-ref", "the object is killed before its release (zero is only seen after the kill)"),
            Map.entry("managed-percpu", "a scanner may hold objects until its next scan (deferred reclaim)"),
            Map.entry("hazptr", "readers hold the object briefly; the reclaimer scans every CPU's slots"),
            Map.entry("task-local", "the references are to the task's own current object (current->cred)"),
            Map.entry("no-ref", "the object outlives every section that took a reference (a mount's creds)"),
            Map.entry("rcu-read", "the sections do not sleep and frees can wait for a grace period"),
            Map.entry("managed-percpu-swap", "a scanner may hold objects until its next scan; two refs per object"),
            Map.entry("percpu-rcuref", "the object is killed before its release and freed after an RCU grace period"),
            Map.entry("adaptive", "the object is killed before its release once it has switched to per-CPU counting"),
            Map.entry("sloppy", "spare references are reconciled before zero is trusted"),
            Map.entry("spinlock-count", "always: a plain count under a lock"));

    private Applicability() {
    }

    /** Why {@code s} does not apply to the target in {@code c}; null when it does. */
    public static String whyNot(Strategy s, Capture c, Target t) {
        if (s.name().equals("off")) {
            return "'off' is a sim scenario's subsystem switched off, not a way to count references "
                    + "(for no shared access, no-ref or rcu-read)";
        }
        if (s.holdsLockAcrossSection()) {
            return "'" + s.name() + "' holds a lock from get to put (a lookup or list section under one lock); a "
                    + "captured refcount's gets and puts are separate accesses with other work between them";
        }
        for (CapturedLine l : t.lines(c)) {
            List<CapturedAccessor> targeted = t.of(l);
            if ("lock".equals(l.cls()) || targeted.stream().anyMatch(a -> "lock".equals(a.role()))) {
                return "line " + l.index() + " is a lock (" + labels(targeted) + "), not a reference count";
            }
        }
        if (t.lines(c).stream().flatMap(l -> t.of(l).stream()).noneMatch(CapturedAccessor::rmw)) {
            return "the targeted accessors only read (" + labels(t.lines(c).stream().flatMap(l -> t.of(l).stream()).toList())
                    + "): a refcount strategy changes gets and puts, which write";
        }
        for (CapturedLine l : t.lines(c)) {
            if (!l.replayable()) {
                return "line " + l.index() + " has no writer with HITM samples, so its accesses cannot be estimated";
            }
        }
        return null;
    }

    /** What must hold of the object for {@code s} to be correct (not checked: a capture cannot tell). */
    public static String holdsIf(Strategy s) {
        return HOLDS_IF.getOrDefault(s.name(), "see the strategy's source");
    }

    static String labels(List<CapturedAccessor> accessors) {
        return String.join(", ", accessors.stream().map(CapturedAccessor::label).distinct().toList());
    }
}

// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

import java.util.HashMap;
import java.util.Map;

/**
 * One replay's counts -> per accessor (keyed by {@link Replay#site}) and per line, the throughput and the
 * share of all CPU time each simulated line's accesses took.
 */
public record ReplayRun(Map<String, SiteCounts> sites, double opsPerSecond, Map<Integer, Double> lineTimeShare,
                        long ops) {

    public SiteCounts site(String key) {
        return sites.getOrDefault(key, SiteCounts.ZERO);
    }

    public SiteCounts line(int index) {
        SiteCounts sum = SiteCounts.ZERO;
        String prefix = Replay.linePrefix(index);
        for (Map.Entry<String, SiteCounts> e : sites.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                sum = sum.plus(e.getValue());
            }
        }
        return sum;
    }

    public double timeShare(int index) {
        return lineTimeShare.getOrDefault(index, 0.0);
    }

    /** This run mixed with {@code fallback}'s by the share of time {@code f} spent in the fallback regime. */
    public ReplayRun mix(ReplayRun fallback, double f) {
        if (f == 0) {
            return this;
        }
        Map<String, SiteCounts> m = new HashMap<>();
        for (String k : union(sites, fallback.sites)) {
            m.put(k, site(k).mix(fallback.site(k), f));
        }
        Map<Integer, Double> t = new HashMap<>();
        for (Integer k : union(lineTimeShare, fallback.lineTimeShare)) {
            t.put(k, (1 - f) * timeShare(k) + f * fallback.timeShare(k));
        }
        return new ReplayRun(m, (1 - f) * opsPerSecond + f * fallback.opsPerSecond, t, ops);
    }

    private static <K> java.util.Set<K> union(Map<K, ?> a, Map<K, ?> b) {
        java.util.Set<K> keys = new java.util.LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }
}

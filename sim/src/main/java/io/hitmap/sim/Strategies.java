// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Strategy names -> {@link Strategy}; "all" selects every one. */
public final class Strategies {
    public static final Map<String, Strategy> ALL = all();

    private Strategies() {
    }

    /** Parses a comma-separated list ("all", or names). */
    public static List<Strategy> parse(String list) {
        if (list.strip().equals("all")) {
            return List.copyOf(ALL.values());
        }
        List<Strategy> out = new ArrayList<>();
        for (String name : list.split(",")) {
            Strategy s = ALL.get(name.strip());
            if (s == null) {
                throw new IllegalArgumentException("unknown strategy '" + name.strip() + "' (expected all or "
                        + String.join(", ", ALL.keySet()) + ")");
            }
            out.add(s);
        }
        return out;
    }

    private static Map<String, Strategy> all() {
        Map<String, Strategy> m = new LinkedHashMap<>();
        for (Strategy s : List.of(new Off(), new Kref(), new KrefGetUnlessZero(), new Rcuref(), new PercpuRef(),
                new ManagedPercpuRef(), new ImmortalSwapPercpuRef(), new PercpuRcuref(), new AdaptiveRef(), new SloppyCounter(),
                new HazardPointer(), new TaskLocalRef(), new NoRef(), new RcuReadSide(), new SpinlockCount(),
                new SharedSpinlock(), new PercpuLock())) {
            m.put(s.name(), s);
        }
        return Collections.unmodifiableMap(m);
    }
}

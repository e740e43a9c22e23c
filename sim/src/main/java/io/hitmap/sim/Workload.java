// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import java.util.ArrayList;
import java.util.List;

/** A resolved scenario and a strategy -> the steps of one operation and the lines they touch. */
public final class Workload {
    public static final int OBJECT_LINE = 0;
    public static final int BACKGROUND_LINE = 1;
    public static final List<String> LINES = List.of("object refcount", "background");

    private Workload() {
    }

    public static List<Step> steps(Scenario s, Strategy strategy) {
        if (s.privateWorkNs() == null || s.backgroundRmwPerOp() == null) {
            throw new IllegalStateException("scenario " + s.name() + " is not resolved yet");
        }
        List<Step> steps = new ArrayList<>();
        steps.add(Step.work(s.privateWorkNs()));
        double bg = s.backgroundRmwPerOp();
        for (int whole = (int) Math.floor(bg); whole > 0; whole--) {
            steps.add(Step.rmw(BACKGROUND_LINE));
        }
        if (bg - Math.floor(bg) > 0) {
            steps.add(Step.rmw(BACKGROUND_LINE).withProbability(bg - Math.floor(bg)));
        }
        for (Scenario.Hook h : s.hooks()) {
            steps.add(Step.begin(h.symbol()));
            for (int r = 0; r < h.refs(); r++) {
                steps.addAll(strategy.get(OBJECT_LINE));
                steps.add(Step.work(h.workNs()));
                steps.addAll(strategy.put(OBJECT_LINE));
            }
            steps.add(Step.end(h.symbol()));
        }
        return steps;
    }
}

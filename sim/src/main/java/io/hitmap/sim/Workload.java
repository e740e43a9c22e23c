// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import java.util.ArrayList;
import java.util.List;

/** A resolved scenario and a strategy -> the steps of one operation over the scenario's {@link Scenario#lines()}. */
public final class Workload {
    private Workload() {
    }

    public static List<Step> steps(Scenario s, Strategy strategy) {
        if (s.privateWorkNs() == null || s.backgroundTransfersPerOp() == null) {
            throw new IllegalStateException("scenario " + s.name() + " is not resolved yet");
        }
        List<String> lines = s.lines();
        List<Step> steps = new ArrayList<>();
        steps.add(Step.work(s.privateWorkNs()));
        if (s.backgroundTransfersPerOp() > 0) {
            steps.add(Step.transfers(s.backgroundTransfersPerOp()));
        }
        for (Scenario.Hook h : s.hooks()) {
            int line = lines.indexOf(h.object());
            steps.add(Step.begin(h.symbol()));
            for (int r = 0; r < h.refs(); r++) {
                for (Step g : strategy.get(line)) {
                    steps.add(g.at(h.getSymbol()));
                }
                for (Scenario.Read read : h.reads()) {
                    repeat(steps, Step.load(line).at(read.symbol()), read.count());
                }
                int lock = h.lock() == null ? -1 : lines.indexOf(h.lock());
                if (lock >= 0) {
                    steps.add(Step.lock(lock).at(h.symbol()));
                }
                steps.add(Step.work(h.workNs()));
                if (lock >= 0) {
                    steps.add(Step.unlock(lock).at(h.symbol()));
                }
                for (Step p : strategy.put(line)) {
                    steps.add(p.at(h.putSymbol()));
                }
            }
            steps.add(Step.end(h.symbol()));
        }
        return steps;
    }

    /** {@code times} copies of {@code step}: the whole part always, the fraction with that probability. */
    private static void repeat(List<Step> steps, Step step, double times) {
        for (int whole = (int) Math.floor(times); whole > 0; whole--) {
            steps.add(step);
        }
        double frac = times - Math.floor(times);
        if (frac > 0) {
            steps.add(step.withProbability(frac));
        }
    }
}

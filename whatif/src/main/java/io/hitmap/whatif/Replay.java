// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

import io.hitmap.sim.Engine;
import io.hitmap.sim.SimResult;
import io.hitmap.sim.SiteStats;
import io.hitmap.sim.Step;
import io.hitmap.sim.Strategy;
import io.hitmap.sim.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A capture's replayable lines -> the operation every simulated CPU repeats, and its runs on the engine.
 * An operation is, for each accessor of each line, a share of the private work then the accessor's access
 * with a probability proportional to its estimated access rate (HITM samples over the line's write share,
 * {@link CapturedLine#writeShare()}); the probabilities add up to one access per operation. Under a
 * strategy, a targeted writer's access becomes the strategy's get (or put, by its symbol) on the line,
 * and a targeted reader's access stays only if the strategy still keeps the count on the line.
 */
public final class Replay {
    /** The accessors beyond the targeted lines' that a replay takes along. */
    static final int MORE_SITES = 64;
    private final Capture capture;
    private final List<CapturedLine> lines;
    private final Map<CapturedAccessor, Double> probability = new HashMap<>();

    /**
     * The replay of the targeted lines, and of as many other replayable lines, most HITMs first, as keep the
     * operation within {@link #MORE_SITES} accessors: they only show what the replay does to lines it does
     * not predict (a check), and every access costs every operation a step.
     */
    public Replay(Capture capture, Target target) {
        this.capture = capture;
        List<CapturedLine> chosen = new ArrayList<>(target.lines(capture).stream().filter(CapturedLine::replayable).toList());
        int sites = chosen.stream().mapToInt(l -> l.accessors().size()).sum();
        List<CapturedLine> others = capture.lines().stream().filter(l -> l.replayable() && !chosen.contains(l))
                .sorted(java.util.Comparator.comparingDouble(CapturedLine::hitm).reversed()).toList();
        for (CapturedLine l : others) {
            if (sites + l.accessors().size() > MORE_SITES) {
                break;
            }
            chosen.add(l);
            sites += l.accessors().size();
        }
        this.lines = capture.lines().stream().filter(chosen::contains).toList();
        double total = 0;
        for (CapturedLine l : lines) {
            for (CapturedAccessor a : l.accessors()) {
                total += a.hitm() / l.writeShare();
            }
        }
        for (CapturedLine l : lines) {
            for (CapturedAccessor a : l.accessors()) {
                probability.put(a, a.hitm() / l.writeShare() / total);
            }
        }
    }

    public Capture capture() {
        return capture;
    }

    /** The lines the replay simulates, in the capture's order. */
    public List<CapturedLine> lines() {
        return lines;
    }

    public boolean simulates(CapturedLine l) {
        return lines.contains(l);
    }

    /** The chance an operation makes this accessor's access (its share of all estimated accesses). */
    public double probability(CapturedAccessor a) {
        return probability.getOrDefault(a, 0.0);
    }

    /** The largest chance an operation touches one line: what makes a line the busiest. */
    public double busiestLine() {
        return lines.stream().mapToDouble(l -> l.accessors().stream().mapToDouble(this::probability).sum())
                .max().orElse(0);
    }

    static String site(int line, int row) {
        return linePrefix(line) + row;
    }

    static String linePrefix(int line) {
        return "L" + line + "#";
    }

    private static String section(int line) {
        return "line " + line;
    }

    /** One operation: {@code workNs} of private work, then the accesses; {@code strategy} null = as captured. */
    public List<Step> steps(Strategy strategy, Target target, double workNs) {
        List<Step> steps = new ArrayList<>();
        long sites = probability.values().stream().filter(p -> p > 0).count();
        for (int i = 0; i < lines.size(); i++) {
            CapturedLine l = lines.get(i);
            for (CapturedAccessor a : l.accessors()) {
                double p = probability(a);
                if (p == 0) {
                    continue;
                }
                String site = site(l.index(), a.row().rowInLine());
                // private work before every access, not once per operation: two accesses of one CPU are never
                // back to back, so no accessor's access follows its predecessor in the list on the same CPU
                steps.add(Step.work(workNs / sites));
                steps.add(Step.begin(section(l.index())));
                for (Step s : access(i, l, a, strategy, target)) {
                    steps.add(s.withProbability(s.probability() * p).at(site));
                }
                steps.add(Step.end(section(l.index())));
            }
        }
        return steps;
    }

    private static List<Step> access(int simLine, CapturedLine l, CapturedAccessor a, Strategy strategy, Target target) {
        Step captured = a.rmw() ? Step.rmw(simLine) : Step.load(simLine);
        if (strategy == null || !target.selects(l, a)) {
            return List.of(captured);
        }
        if (!a.rmw()) {
            return keepsCountOnLine(strategy, simLine) ? List.of(captured) : List.of();
        }
        return a.put() ? strategy.put(simLine) : strategy.get(simLine);
    }

    /** Whether the strategy's get or put still touches the object's line (kref, rcuref, inc_not_zero). */
    static boolean keepsCountOnLine(Strategy s, int line) {
        List<Step> both = new ArrayList<>(s.get(line));
        both.addAll(s.put(line));
        return both.stream().anyMatch(st -> st.kind().accessesLine());
    }

    /** Runs {@code steps} on {@code cpus} CPUs of {@code topology}: {@code ops} measured after {@code ops / 5} of warm-up. */
    public ReplayRun run(Topology topology, int cpus, List<Step> steps, long ops, long seed) {
        List<String> names = lines.stream().map(l -> section(l.index())).toList();
        SimResult r = new Engine(topology, steps, names, seed).run(cpus, ops / 5, ops);
        Map<String, SiteCounts> sites = new HashMap<>();
        for (SiteStats s : r.sites()) {
            boolean write = s.kind() != Step.Kind.LOAD;
            SiteCounts c = new SiteCounts(s.accesses(), write ? s.accesses() : 0, s.localHitm(), s.remoteHitm());
            sites.merge(s.site(), c, SiteCounts::plus);
        }
        Map<Integer, Double> time = new HashMap<>();
        for (CapturedLine l : lines) {
            time.put(l.index(), r.sectionShare().getOrDefault(section(l.index()), 0.0));
        }
        return new ReplayRun(sites, r.opsPerSecond(), time, r.ops());
    }
}

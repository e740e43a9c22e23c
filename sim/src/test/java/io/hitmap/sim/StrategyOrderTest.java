// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StrategyOrderTest {
    private static double throughput(Strategy s, int n) {
        Scenario base = new Scenario("t", "test", "epyc-9654-1s", null, List.of(n), 16, 2000.0, null,
                List.of(new Scenario.Hook("hook", 20, 2)), 0.0, null, new Sourced(20, "test"),
                new Sourced(1000, "test"), 1, 0, 9, 20_000);
        return Simulator.measure(base, s, n).opsPerSecond();
    }

    @Test
    void offAtLeastPercpuAtLeastKrefAt192Cpus() {
        double off = throughput(new Off(), 192);
        double percpu = throughput(new PercpuRef(), 192);
        double kref = throughput(new Kref(), 192);
        // percpu does strictly more private work than off (two local adds), kref also moves a line
        assertTrue(off >= percpu, off + " vs " + percpu);
        assertTrue(percpu > 1.5 * kref, percpu + " vs " + kref);
    }

    @Test
    void managedPercpuSitsBetweenPercpuAndKref() {
        double percpu = throughput(new PercpuRef(), 192);
        double managed = throughput(new ManagedPercpuRef(), 192);
        double kref = throughput(new Kref(), 192);
        assertTrue(percpu >= managed && managed > kref, percpu + " " + managed + " " + kref);
    }

    @Test
    void aSharedLockCollapsesWhereRcuAndPerCpuListsStayFlat() throws Exception {
        Scenario lookup = Simulator.resolve(ScenarioJson.load("lookup-lock-vs-rcu"));
        double lock = Simulator.measure(lookup, new SharedSpinlock(), 192).opsPerSecond();
        double rcu = Simulator.measure(lookup, new RcuReadSide(), 192).opsPerSecond();
        // 192 CPUs each want the table lock ~200 ns (lookup + handoff) of every ~2.3 us: far past saturation
        assertTrue(rcu > 5 * lock, rcu + " vs " + lock);
        Scenario teardown = Simulator.resolve(ScenarioJson.load("mass-teardown"));
        double global = Simulator.measure(teardown, new SharedSpinlock(), 128).opsPerSecond();
        double percpu = Simulator.measure(teardown, new PercpuLock(), 128).opsPerSecond();
        assertTrue(percpu > 2 * global, percpu + " vs " + global);
    }

    @Test
    void adaptiveRunsAtomicBelowItsSwitchRateAndPercpuAbove() {
        AdaptiveRef a = new AdaptiveRef();
        assertTrue(a.regime(4000) instanceof Kref);
        assertTrue(a.regime(5000) == a);
    }
}

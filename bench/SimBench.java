// SPDX-License-Identifier: Apache-2.0
// Simulated line events per second of the sim engine, one thread: kref get/put on the nginx-apparmor
// shape at 16, 192 and 1024 CPUs, plus the full `hitmap sim --strategies all` sweep's wall time.
// Run: java -cp cli/target/hitmap.jar bench/SimBench.java
import io.hitmap.sim.*;
import java.util.*;

public class SimBench {
    public static void main(String[] args) throws Exception {
        Topology big = new Topology("bench-1024", "4 sockets x 16 CCD x 8C x 2T", 4, 16, 8, 2,
                Topologies.byName("epyc-9654-2s").costs());
        List<Step> steps = List.of(Step.work(2000), Step.rmw(0), Step.work(40), Step.rmw(0),
                Step.rmw(0), Step.work(10), Step.rmw(0));
        for (int round = 0; round < 3; round++) {
            for (int n : new int[] {16, 192, 1024}) {
                Engine e = new Engine(big, steps, List.of("label"), 12345);
                long t0 = System.nanoTime();
                SimResult r = e.run(n, 50_000, 500_000);
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "round %d cpus %4d: %,d events in %.3f s = %.1f M events/s%n",
                        round, n, r.events(), s, r.events() / s / 1e6);
            }
        }
        long t0 = System.nanoTime();
        Scenario sc = Simulator.resolve(ScenarioJson.load("nginx-apparmor"));
        long t1 = System.nanoTime();
        Simulator.sweep(sc, Strategies.parse("all"));
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "nginx-apparmor: resolve %.2f s, sweep of %d strategies x 5 CPU counts %.2f s%n",
                (t1 - t0) / 1e9, Strategies.ALL.size(), (t2 - t1) / 1e9);
    }
}

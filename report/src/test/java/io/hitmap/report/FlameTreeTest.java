// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hitmap.report.FlameTree.Frame;
import io.hitmap.report.FlameTree.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Call chains -> the flame graph's tree: values, preorder, name order, merging of small frames. */
class FlameTreeTest {
    private static List<Frame> chain(String... names) {
        List<Frame> out = new ArrayList<>();
        for (String n : names) {
            out.add(new Frame(n, n.startsWith("sys_") ? Kind.KERNEL : Kind.USER));
        }
        return out;
    }

    private static FlameTree sample() {
        FlameTree t = new FlameTree("all");
        t.add(chain("main", "work", "sys_write"), 5);
        t.add(chain("main", "work"), 3);
        t.add(chain("main", "idle"), 1);
        t.add(chain("main", "work", "sys_write"), 2);
        return t;
    }

    @Test
    void valuesCountEachChainInEveryFrameOnIt() {
        FlameTree.Flat f = sample().flatten();
        assertEquals(List.of("all", "main", "idle", "work", "sys_write"), f.names());
        assertArrayEquals(new int[] {0, 1, 2, 2, 3}, f.depth());
        assertArrayEquals(new long[] {11, 11, 1, 10, 7}, f.value());
        assertEquals(List.of(Kind.ROOT, Kind.USER, Kind.USER, Kind.USER, Kind.KERNEL), f.kinds());
    }

    @Test
    void childrenComeInNameOrderWhateverTheOrderOfTheSamples() {
        FlameTree t = new FlameTree("all");
        t.add(chain("b"), 1);
        t.add(chain("a"), 1);
        t.add(chain("B"), 1);
        assertEquals(List.of("all", "B", "a", "b"), t.flatten().names());
    }

    @Test
    void mergingKeepsTheCallersWidthsAndSaysWhatWent() {
        FlameTree t = sample();
        t.merge(2);
        FlameTree.Flat f = t.flatten();
        assertEquals(List.of("all", "main", "work", "sys_write"), f.names(), "idle (1 sample) went into main");
        assertArrayEquals(new long[] {11, 11, 10, 7}, f.value());
        assertEquals(1, t.mergedFrames());
        assertEquals(1, t.mergedSamples());
        t.merge(8);
        assertEquals(List.of("all", "main", "work"), t.flatten().names());
        assertEquals(2, t.mergedFrames());
        assertEquals(8, t.mergedSamples());
    }

    @Test
    void aMergedFrameTakesItsCalleesAlong() {
        FlameTree t = new FlameTree("all");
        t.add(chain("main", "rare", "deeper", "deepest"), 1);
        t.add(chain("main", "hot"), 99);
        t.merge(2);
        assertEquals(List.of("all", "main", "hot"), t.flatten().names());
        assertEquals(3, t.mergedFrames());
        assertEquals(1, t.mergedSamples());
    }

    @Test
    void boundRaisesTheFloorUntilTheTreeFits() {
        FlameTree t = new FlameTree("all");
        for (int i = 0; i < 3000; i++) {
            t.add(chain("main", "f" + i), 1 + i % 4); // 750 frames each of 1, 2, 3 and 4 samples
        }
        long min = FlameGraph.bound(t, 1000);
        assertTrue(t.nodes() <= 1000, t.nodes() + " nodes");
        assertEquals(4, min, "1 (0.01% of 7500 samples), then 2, then 4: 750 frames of 4 samples and main and all");
        assertEquals(752, t.nodes());
        assertEquals(2250, t.mergedFrames());
        assertEquals(750 * (1 + 2 + 3), t.mergedSamples());
        assertEquals(7500, t.flatten().value()[0]);
    }
}

// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistributionTest {
    private static List<List<Integer>> parse(String list) {
        List<Integer> nodes = new ArrayList<>();
        List<Integer> cpus = new ArrayList<>();
        Distribution.parse(list, nodes, cpus);
        return List.of(nodes, cpus);
    }

    @Test
    void readsNodesAndTheCpusOfPerfNN() {
        assertEquals(List.of(List.of(0, 1), List.of()), parse("0 1"));
        assertEquals(List.of(List.of(0, 1), List.of(0, 1, 2, 3, 4)), parse("0{0-3} 1{4}"));
        assertEquals(List.of(List.of(1), List.of(3, 5, 7)), parse("1{3,5,7}"));
    }

    @Test
    void armSpeBracesHoldACountAndSharesNotCpus() {
        // memstress-6.0-spe-peer-N.c2c.txt, 'Node{cpus %peers %stores}' column: node 0 on 2 CPUs
        assertEquals(List.of(List.of(0), List.of()), parse("0{ 2 100.0%    n/a}"));
    }

    @Test
    void aHostileListNeitherThrowsNorRunsAway() {
        assertEquals(List.of(List.of(), List.of()), parse("99999999999{0-3}"));
        assertEquals(List.of(List.of(0), List.of()), parse("0{0-2000000000}"));
    }
}

// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Facts read by eye from the sample reports: rows, sections, machine and trees. */
class ProfileHandReadTest {
    private static ProfileCapture parse(String name) throws Exception {
        return PerfReportParser.parse(ProfileSampleTracesTest.TRACES.resolve(name), false);
    }

    /** The node of entry 1's tree (the first row's) with this symbol and printed share. */
    static ChainNode node(ProfileCapture c, String symbol, double pct) {
        List<ChainNode> found = c.chains().stream().filter(n -> n.entryNo() == 1
                && n.symbol().equals(symbol) && n.percent() != null && n.percent() == pct).toList();
        assertEquals(1, found.size(), symbol + " " + pct + ": " + found);
        return found.get(0);
    }

    static ChainNode parent(ProfileCapture c, ChainNode n) {
        return c.chains().stream().filter(p -> p.nodeId() == n.parentId()).findFirst().orElseThrow();
    }

    @Test
    void flatRowsAndPreamble() throws Exception {
        ProfileCapture c = parse("refbench-shared.flat.txt");
        ProfileSection s = c.sections().get(0);
        assertEquals("cpu-clock:ppp", s.event());
        assertEquals("2K", s.samplesText());
        assertEquals(1367000000L, s.eventCount());
        assertEquals(0L, s.lostSamples());
        assertEquals("Overhead|Command|Shared Object|Symbol", s.columns());
        ProfileEntry first = c.entries().get(0);
        assertEquals(62.87, first.overhead());
        assertEquals("refbench", first.command());
        assertEquals("refbench", first.sharedObject());
        assertEquals("label_put", first.symbol());
        assertEquals(".", first.symbolKind());
        ProfileEntry kernel = c.entries().get(4);
        assertEquals("[kernel.kallsyms]", kernel.sharedObject());
        assertEquals("__get_user_8", kernel.symbol());
        assertEquals("k", kernel.symbolKind());
        assertEquals(9, c.entries().size());
    }

    @Test
    void commandWithABlankAndCppSymbols() throws Exception {
        ProfileCapture c = parse("webref-children-graph.perf-report.txt");
        ProfileEntry put = c.entries().stream().filter(e -> e.symbol().equals("Ref<Label&>::put")).findFirst().orElseThrow();
        assertEquals("Web Content", put.command());
        assertEquals(63.44, put.children());
        assertEquals(63.44, put.self());
        ChainNode lambda = node(c, "run_op<worker(void*)::{lambda()#1}>", 1.18); // line 24, under start_thread

        assertEquals("worker", parent(c, lambda).symbol());
    }

    @Test
    void pidCommandSamplesPeriodAndTwoEvents() throws Exception {
        ProfileCapture c = parse("refbench-two-events-fields.perf-report.txt");
        assertEquals(2, c.sections().size());
        assertEquals("task-clock", c.sections().get(1).event());
        ProfileEntry e = c.entries().get(0); // "31.31%  387  387000000  refbench  5423:refbench  refbench  [.] label_put"
        assertEquals(31.31, e.overhead());
        assertEquals(387L, e.samples());
        assertEquals(387000000L, e.period());
        assertEquals(5423L, e.pid());
        assertEquals("refbench", e.command());
        assertEquals("label_put", e.symbol());
    }

    @Test
    void pidCommandWithABlank() throws Exception {
        ProfileEntry e = parse("webref-sort-pid-sym.perf-report.txt").entries().get(1); // "30.94%  473  5339:Web Content  [.] Ref<Label&>::put"
        assertEquals(473L, e.samples());
        assertEquals(5339L, e.pid());
        assertEquals("Web Content", e.command());
    }

    @Test
    void overflowingCpuCellIsCutByWords() throws Exception {
        // "    63.44%  -001  Web Content  [.] Ref<Label&>::put" under a 3-wide CPU column
        ProfileEntry e = parse("webref-sort-cpu.perf-report.txt").entries().get(0);
        assertEquals("-001", e.cpu());
        assertEquals("Web Content", e.command());
        assertEquals("Ref<Label&>::put", e.symbol());
    }

    @Test
    void sourceLineColumnAfterTheSymbol() throws Exception {
        ProfileEntry e = parse("webref-srcline.perf-report.txt").entries().get(5); // "0.78%  [.] Ref<Label&>::get  atomic_base.h:618"
        assertEquals("Ref<Label&>::get", e.symbol());
        assertEquals("atomic_base.h:618", e.sourceLine());
    }

    @Test
    void fieldSeparatorAndQuiet() throws Exception {
        ProfileCapture sep = parse("webref-field-sep.perf-report.txt");
        assertEquals("Web Content", sep.entries().get(0).command());
        assertEquals(6.61, sep.entries().get(2).overhead());
        ProfileCapture quiet = parse("webref-quiet.perf-report.txt");
        assertEquals("quiet", quiet.formatVariant());
        assertEquals("Web Content", quiet.entries().get(0).command());
        assertEquals("webref", quiet.entries().get(7).command());
        assertEquals("__cond_resched", quiet.entries().get(7).symbol());
    }

    @Test
    void machineFromHeaderWithTopology() throws Exception {
        MachineInfo m = parse("webref-header-I.perf-report.txt").machine();
        assertEquals("6.1.187", m.perfVersion());
        assertEquals(2, m.cpusOnline());
        assertEquals("AMD EPYC", m.cpuDescription());
        assertEquals(1, m.sockets());   // "# sibling sockets : 0-1"
        assertEquals(1, m.dies());      // "# sibling dies    : 0-1"
        assertEquals(2, m.cores());     // "# sibling threads : 0", "# sibling threads : 1"
        assertEquals(1, m.threadsPerCore());
        assertEquals(1, m.numaNodes()); // "# node0 cpu list : 0-1"
        assertEquals(24684084L, m.totalMemoryKb());
        assertEquals(423.886, m.sampleDurationMs());
        MachineInfo noTopology = parse("refbench-shared.with-header.txt").machine();
        assertEquals(2, noTopology.cpusOnline());
        assertNull(noTopology.sockets()); // "CPU_TOPOLOGY info available, use -I to display"
        assertNull(parse("refbench-shared.flat.txt").machine());
    }

    @Test
    void deepTreeKeepsEachBranchUnderItsParent() throws Exception {
        ProfileCapture c = parse("java-version.children.callgraph.txt");
        // lines 36-41 and 66 of the file
        ChainNode hmf = node(c, "handle_mm_fault", 19.15);
        assertEquals("exc_page_fault", parent(c, hmf).symbol());
        ChainNode doFault = node(c, "do_fault", 17.02);
        assertEquals("__handle_mm_fault", parent(c, doFault).symbol());
        assertEquals(hmf.nodeId(), parent(c, doFault).parentId());
        assertEquals(doFault.nodeId(), node(c, "__do_fault", 10.64).parentId());
        assertEquals(doFault.nodeId(), node(c, "copy_mc_enhanced_fast_string", 4.26).parentId());
        assertEquals("start_thread", c.chains().get(0).symbol());
        assertNull(c.chains().get(0).parentId());
    }

    @Test
    void fractalFlatAndFoldedChains() throws Exception {
        ProfileCapture fractal = parse("webref-no-children-fractal.perf-report.txt");
        ChainNode ninety = fractal.chains().stream().filter(n -> n.percent() != null && n.percent() == 90.00).findFirst().orElseThrow();
        assertEquals("worker", ninety.symbol()); // "|--90.00%--worker" under run_op<...>
        assertEquals("run_op<worker(void*)::{lambda()#1}>", parent(fractal, ninety).symbol());
        ChainNode ten = fractal.chains().stream().filter(n -> n.percent() != null && n.percent() == 10.00).findFirst().orElseThrow();
        assertEquals("start_thread", ten.symbol());
        assertEquals(ninety.parentId(), ten.parentId());

        ProfileCapture folded = parse("webref-no-children-folded.perf-report.txt");
        ChainNode get = folded.chains().stream().filter(n -> n.percent() != null && n.percent() == 6.61).findFirst().orElseThrow(); // "6.61% Ref<Label&>::get;worker;start_thread"
        List<ChainNode> chain = folded.chains().stream().filter(n -> n.entryNo() == get.entryNo()).toList();
        assertEquals(List.of("Ref<Label&>::get", "worker", "start_thread"), chain.stream().map(ChainNode::symbol).toList());
        assertEquals(chain.get(1).nodeId(), chain.get(2).parentId());

        ProfileCapture flat = parse("webref-no-children-flat-chains.perf-report.txt");
        ChainNode flatGet = flat.chains().stream().filter(n -> n.percent() != null && n.percent() == 6.61).findFirst().orElseThrow();
        List<ChainNode> flatChain = flat.chains().stream().filter(n -> n.entryNo() == flatGet.entryNo()).toList();
        assertEquals(List.of("Ref<Label&>::get", "worker", "start_thread"), flatChain.stream().map(ChainNode::symbol).toList());
        assertEquals("flat", flatChain.get(2).style());
    }

    @Test
    void groupReportKeepsEachEventsShare() throws Exception {
        ProfileCapture c = parse("refbench-group-samples.perf-report.txt");
        assertEquals("anon group { cpu-clock, task-clock }", c.sections().get(0).event());
        // "    55.82%  55.36%           532         527  refbench  refbench           [.] label_put"
        ProfileEntry e = c.entries().get(0);
        assertEquals(55.82, e.overhead());
        assertEquals(532L, e.samples());
        assertEquals("Overhead=55.82% 55.36%\tSamples=532 527", e.other());
        assertEquals("label_put", e.symbol());
    }

    @Test
    void headerlessPastedRows() throws Exception {
        ProfileCapture c = parse("nginx-apparmor-top.perf-report.txt");
        assertEquals(6.22, c.entries().get(1).overhead());
        assertEquals("nginx", c.entries().get(1).command());
        assertEquals("[kernel.vmlinux]", c.entries().get(1).sharedObject());
        assertEquals("apparmor_file_open", c.entries().get(1).symbol());
    }
}

// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hitmap.ingest.PerfParseException;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same report after mail and pagers had it, the perf 4.4 tree layout, and each kind of bad line. */
class ProfileMangledAndMalformedTest {
    private static ProfileCapture parse(String text, boolean lenient) throws Exception {
        return PerfReportParser.parse("t.txt", new BufferedReader(new StringReader(text)), lenient);
    }

    private static String sample(String name) throws Exception {
        return Files.readString(ProfileSampleTracesTest.TRACES.resolve(name), StandardCharsets.UTF_8);
    }

    private static String each(String text, java.util.function.UnaryOperator<String> f) {
        return text.lines().map(f).collect(Collectors.joining("\n", "", "\n"));
    }

    // entries and trees without the line numbers, which are the same here anyway
    private static void assertSameProfile(ProfileCapture want, ProfileCapture got) {
        assertEquals(want.entries(), got.entries());
        assertEquals(want.chains(), got.chains());
        assertEquals(want.sections(), got.sections());
    }

    @Test
    void quotedIndentedAndStrippedReadAlike() throws Exception {
        String text = sample("java-version.children.callgraph.txt");
        ProfileCapture pristine = parse(text, false);
        assertSameProfile(pristine, parse(each(text, l -> "> " + l), false));
        assertSameProfile(pristine, parse(each(text, l -> "> > " + l), false));
        assertSameProfile(pristine, parse(each(text, String::stripTrailing), false));
        assertSameProfile(pristine, parse(each(text, l -> "    " + l), false));
    }

    @Test
    void linesCutByAPagerKeepWhatWasPrinted() throws Exception {
        String text = sample("refbench-shared.children.callgraph.txt");
        // a 60-column terminal: "    99.96%     0.00%  refbench  libc.so.6             [.] st"
        ProfileCapture at60 = parse(each(text, l -> l.length() > 60 ? l.substring(0, 60) : l), false);
        assertEquals("st", at60.entries().get(0).symbol());
        assertEquals(99.96, at60.entries().get(0).children());
        assertEquals(parse(text, false).chains().size(), at60.chains().size());
        // 45 columns: the Symbol header itself is gone, so is the column
        ProfileCapture at45 = parse(each(text, l -> l.length() > 45 ? l.substring(0, 45) : l), false);
        assertEquals("Children|Self|Command|Shared Object", at45.sections().get(0).columns());
        assertEquals("libc.so.6", at45.entries().get(0).sharedObject());
        assertNull(at45.entries().get(0).symbol());
        assertEquals(0, at45.linesSkipped());
    }

    @Test
    void collapsedBlanksAreCutByWords() throws Exception {
        String text = sample("webref-children-graph.perf-report.txt");
        ProfileCapture pristine = parse(text, false);
        // mail collapsed every run of blanks in the rows (the trees keep theirs)
        String collapsed = each(text, l -> l.matches("\\s+\\d+\\.\\d+%.*") ? l.strip().replaceAll(" +", " ") : l);
        ProfileCapture c = parse(collapsed, false);
        assertEquals(pristine.entries().stream().map(ProfileEntry::command).toList(),
                c.entries().stream().map(ProfileEntry::command).toList());
        assertEquals(pristine.entries().stream().map(ProfileEntry::symbol).toList(),
                c.entries().stream().map(ProfileEntry::symbol).toList());
        assertEquals(pristine.chains().size(), c.chains().size());
    }

    @Test
    void collapsedGroupRowsSplitTheirValuesByColumn() throws Exception {
        String text = sample("refbench-group-samples.perf-report.txt");
        ProfileCapture pristine = parse(text, false);
        String collapsed = each(text, l -> l.matches("\\s+\\d+\\.\\d+%.*") ? l.strip().replaceAll(" +", " ") : l);
        ProfileCapture c = parse(collapsed, false);
        assertEquals(pristine.entries().stream().map(e -> e.overhead() + " " + e.samples() + " " + e.command() + " "
                        + e.symbol()).toList(),
                c.entries().stream().map(e -> e.overhead() + " " + e.samples() + " " + e.command() + " "
                        + e.symbol()).toList());
        assertEquals("Overhead=55.82% 55.36%\tSamples=532 527", c.entries().get(0).other());
    }

    @Test
    void perf44TreeLayout() throws Exception {
        // perf 4.4: a blank after the second "--", "---" with a blank, a last branch without '|'
        ProfileCapture c = parse("""
                # Overhead  Command  Shared Object      Symbol
                # ........  .......  .................  ..............
                #
                    18.18%  sshd     [kernel.kallsyms]  [k] tcp_sendmsg
                            |
                            --- tcp_sendmsg
                               |
                               |--50.00%-- sock_sendmsg
                               |          sock_write_iter
                               |
                                --50.00%-- 0x401
                
                """, false);
        List<ChainNode> n = c.chains();
        assertEquals(List.of("tcp_sendmsg", "sock_sendmsg", "sock_write_iter", "0x401"),
                n.stream().map(ChainNode::symbol).toList());
        assertNull(n.get(0).parentId());
        assertEquals(n.get(0).nodeId(), n.get(1).parentId());
        assertEquals(n.get(1).nodeId(), n.get(2).parentId());
        assertEquals(n.get(0).nodeId(), n.get(3).parentId());
        assertEquals(50.0, n.get(3).percent());
    }

    @Test
    void perf2xEventsLineAndRightAlignedCommand() throws Exception {
        // perf of the 2.6.3x kernels: "# Events:" instead of "# Samples:", text cells right-aligned
        ProfileCapture c = parse("""
                # Events: 1K cycles
                #
                # Overhead  Command      Shared Object  Symbol
                # ........  .......  .................  ......
                #
                    20.00%       ls  [kernel.kallsyms]  [k] __lock_acquire
                                 |
                                 --- __lock_acquire
                                    |
                                    |--66.67%-- lock_acquire
                                    |          |
                                    |          |--50.00%-- _raw_spin_lock
                                    |          |          d_alloc
                                    |          |
                                    |           --50.00%-- _raw_spin_unlock
                                    |
                                     --33.33%-- mark_held_locks
                
                     5.00%    Web Content  libxul.so  [.] js::RunScript
                """, false);
        assertEquals("cycles", c.sections().get(0).event());
        assertEquals(1000L, c.sections().get(0).samples());
        assertEquals("ls", c.entries().get(0).command());
        assertEquals("Web Content", c.entries().get(1).command());
        List<ChainNode> n = c.chains();
        assertEquals(List.of("__lock_acquire", "lock_acquire", "_raw_spin_lock", "d_alloc", "_raw_spin_unlock",
                "mark_held_locks"), n.stream().map(ChainNode::symbol).toList());
        assertEquals(n.get(0).nodeId(), n.get(1).parentId());
        assertEquals(n.get(1).nodeId(), n.get(2).parentId());
        assertEquals(n.get(2).nodeId(), n.get(3).parentId());
        assertEquals(n.get(1).nodeId(), n.get(4).parentId());
        assertEquals(n.get(0).nodeId(), n.get(5).parentId());
        assertEquals(33.33, n.get(5).percent());
    }

    @Test
    void badNumberInARowNamesTheLine() throws Exception {
        String text = """
                # Overhead       Samples  Command  Symbol
                # ........  ............  .......  ..............
                #
                    62.87%          1257  refbench [.] label_put
                    27.58%           55x  refbench [.] do_request
                """;
        PerfParseException e = assertThrows(PerfParseException.class, () -> parse(text, false));
        assertEquals(5, e.lineNo());
        assertEquals("t.txt:5: expected a row of 4 columns (Overhead, Samples, Command, Symbol), found"
                + " \"27.58%           55x  refbench [.] do_request\"", e.getMessage());
        ProfileCapture lenient = parse(text, true);
        assertEquals(1, lenient.entries().size());
        assertEquals(List.of(5), lenient.skippedLineNos());
        assertEquals(lenient.linesRead(), lenient.linesUsed() + lenient.linesStructural() + lenient.linesSkipped());
    }

    @Test
    void rowWithoutItsSymbolMarker() throws Exception {
        PerfParseException e = assertThrows(PerfParseException.class, () -> parse("""
                # Overhead  Command   Shared Object      Symbol
                # ........  ........  .................  ..........
                #
                    62.87%  refbench  refbench           label_put
                """, false));
        assertEquals(4, e.lineNo());
    }

    @Test
    void proseBetweenRowsIsCountedAsSkipped() throws Exception {
        ProfileCapture c = parse("""
                 25.35%  map_perf_test  [kernel.vmlinux]  [k] htab_map_delete_elem
                and then the profile shows
                 23.69%  map_perf_test  [kernel.vmlinux]  [k] htab_map_update_elem
                """, false);
        assertEquals(2, c.entries().size());
        assertEquals(List.of(2), c.skippedLineNos());
    }

    @Test
    void noRowsAtAll(@TempDir Path dir) throws Exception {
        PerfParseException e = assertThrows(PerfParseException.class, () -> parse("# just a comment\n\n", false));
        assertEquals("t.txt: expected perf report rows (\"  62.87%  cmd  dso  [.] symbol\"), found none in 2 lines",
                e.getMessage());
        Path c2c = dir.resolve("c2c.txt");
        Files.writeString(c2c, "=================================================\n"
                + "            Trace Event Information\n=================================================\n");
        PerfParseException wrong = assertThrows(PerfParseException.class, () -> PerfReportParser.parse(c2c, false));
        assertEquals(c2c + ":2: expected perf report text, found perf c2c report text \"Trace Event Information\"",
                wrong.getMessage());
    }

    @Test
    void overHundredPercentWarns() throws Exception {
        ProfileCapture c = parse("""
                  62.87%  refbench  refbench  [.] label_put
                  62.87%  refbench  refbench  [.] label_put
                """, false);
        assertEquals(List.of("section 1: self shares add up to 125.74%, over 100% (two reports in one file?)"),
                c.warnings());
    }
}

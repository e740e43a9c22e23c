// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Header and frame shapes of {@code perf script}, as small inline inputs. */
class PerfScriptParserTest {
    @Test
    void parsesCommsWithBlanksSlashesAndColons() throws Exception {
        ScriptParse p = ScriptParse.of("""
                Web Content  4417/4420 [003]  12.500000:     250000 cpu-clock:
                \tffffffff815a114b folios_put_refs+0x6b ([kernel.kallsyms])

                kworker/u8:2-events 97/97 [001] 13.000001: 250000 cpu-clock:
                \tffffffff815a114b worker_thread+0x6b ([kernel.kallsyms])
                """, false);
        ScriptSample web = p.samples().get(0);
        assertEquals("Web Content", web.comm());
        assertEquals(4417, web.pid());
        assertEquals(4420, web.tid());
        assertEquals(3, web.cpu());
        assertEquals(12.5, web.time());
        ScriptSample kw = p.samples().get(1);
        assertEquals("kworker/u8:2-events", kw.comm());
        assertEquals(97, kw.tid());
        assertEquals(1L, kw.sampleNo());
        assertEquals(4, kw.sourceLineNo());
    }

    @Test
    void parsesSymbolsWithBlanksTemplatesAndDeletedDsos() throws Exception {
        ScriptParse p = ScriptParse.of("""
                java 14941   974.215277:    1003009 cpu-clock:ppp:\s
                \t    7f3a10001234 LambdaForm$MH/0x0000000800c01000::invoke+0x20 (/memfd:jit (deleted))
                \t    7f3a10005678 Interpreter (/tmp/perf-14941.map)
                \t           1948 std::map<std::string, dom::Node<int> >::find(std::string const&)+0x48 (/tmp/app)
                \t    7f3a1000abcd operator delete(void*, unsigned long) (/usr/lib/libstdc++.so.6 (deleted))
                \t               0 [unknown] ([unknown])
                \t    7f0cc4938cc9 [unknown] (/tmp/perf-14941.map)
                """, false);
        List<ScriptFrame> f = p.samples().get(0).frames();
        assertEquals(new ScriptFrame("7f3a10001234", "LambdaForm$MH/0x0000000800c01000::invoke", 0x20L,
                "/memfd:jit (deleted)", 2), f.get(0));
        assertEquals(new ScriptFrame("7f3a10005678", "Interpreter", null, "/tmp/perf-14941.map", 3), f.get(1));
        assertEquals(new ScriptFrame("1948", "std::map<std::string, dom::Node<int> >::find(std::string const&)", 0x48L,
                "/tmp/app", 4), f.get(2));
        assertEquals(new ScriptFrame("7f3a1000abcd", "operator delete(void*, unsigned long)", null,
                "/usr/lib/libstdc++.so.6 (deleted)", 5), f.get(3));
        assertEquals(new ScriptFrame("0", "[unknown]", null, "[unknown]", 6), f.get(4));
        assertEquals(new ScriptFrame("7f0cc4938cc9", "[unknown]", null, "/tmp/perf-14941.map", 7), f.get(5));
    }

    @Test
    void parsesAddressOnlyFramesAndHeadersWithoutTimeOrEvent() throws Exception {
        ScriptParse p = ScriptParse.of("""
                sleep 99 cpu-clock:
                \tffffffff815a114b
                \t7f0cc4938cc9
                """, false);
        ScriptSample s = p.samples().get(0);
        assertEquals("sleep", s.comm());
        assertNull(s.time());
        assertNull(s.period());
        assertEquals("cpu-clock", s.event());
        assertEquals(new ScriptFrame("7f0cc4938cc9", null, null, null, 3), s.frames().get(1));
    }

    @Test
    void keepsTracepointFieldsAfterTheEvent() throws Exception {
        ScriptParse p = ScriptParse.of("""
                 swapper     0 [001]  5.000100: sched:sched_switch: prev_comm=swapper/1 prev_pid=0 ==> next_comm=Web Content
                \tffffffff821f3046 __schedule+0x176 ([kernel.kallsyms])
                """, false);
        ScriptSample s = p.samples().get(0);
        assertEquals("sched:sched_switch", s.event());
        assertNull(s.period());
        assertEquals("prev_comm=swapper/1 prev_pid=0 ==> next_comm=Web Content", s.trailing());
        assertEquals(1, s.frames().size());
    }

    @Test
    void readsFramesWhoseTabsBecameBlanksInsideACallChainCapture() throws Exception {
        ScriptParse p = ScriptParse.of("""
                a 1 1.000000: 1 cpu-clock:
                \tffffffff815a114b f+0x1 ([kernel.kallsyms])

                a 1 1.000001: 1 cpu-clock:
                        ffffffff815a114b f+0x1 ([kernel.kallsyms])
                            20ce7 munmap+0x7 (/usr/lib/ld.so)
                """, false);
        assertEquals(2, p.samples().get(1).frames().size());
        assertEquals(5, p.summary().linesUsed());
        assertEquals(1, p.summary().linesStructural());
    }

    @Test
    void timesKeepTheirDecimalsExactly() throws Exception {
        ScriptParse p = ScriptParse.of("""
                a 1 4294967.123456789: 1 cpu-clock:
                \tffffffff815a114b f+0x1 ([kernel.kallsyms])
                """, false);
        assertEquals(Double.parseDouble("4294967.123456789"), p.samples().get(0).time());
    }

    @Test
    void skipsCommentLinesOfPerfScriptHeader() throws Exception {
        ScriptParse p = ScriptParse.of("""
                # ========
                # captured on    : Sat Nov 22 00:55:00 2026
                # ========
                #
                a 1 1.000000: 1 cpu-clock:
                \tffffffff815a114b f+0x1 ([kernel.kallsyms])
                """, false);
        assertEquals(4, p.summary().linesStructural());
        assertEquals(2, p.summary().linesUsed());
    }

    @Test
    void samplesThatPrintTheSameFramesShareOneStack() throws Exception {
        ScriptParse p = ScriptParse.of("""
                a 1 1.000000: 1 cpu-clock:
                	ffffffff815a114b folios_put_refs+0x6b ([kernel.kallsyms])
                	           20ce7 munmap+0x7 (/usr/lib/ld.so)

                a 1 2.000000: 1 cpu-clock:
                	ffffffff815a114b folios_put_refs+0x6b ([kernel.kallsyms])

                a 1 3.000000: 1 cpu-clock:
                	ffffffff815a114b folios_put_refs+0x6b ([kernel.kallsyms])
                	           20ce7 munmap+0x7 (/usr/lib/ld.so)
                """, false);
        List<ScriptSample> s = p.samples();
        assertSame(s.get(0).stack(), s.get(2).stack());
        assertEquals(List.of(0, 1, 0), s.stream().map(x -> x.stack().id()).toList());
        // the shared stack, placed on each sample's own lines (the third sample's header is line 8)
        assertEquals(List.of(new ScriptFrame("ffffffff815a114b", "folios_put_refs", 0x6bL, "[kernel.kallsyms]", 9),
                new ScriptFrame("20ce7", "munmap", 7L, "/usr/lib/ld.so", 10)), s.get(2).frames());
    }
}

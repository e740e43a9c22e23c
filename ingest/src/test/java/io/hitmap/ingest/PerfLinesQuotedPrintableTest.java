// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hitmap.ingest.script.PerfScriptParser;
import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** Quoted-printable escapes that decode to characters regex replacements treat specially (a Jazzer finding). */
class PerfLinesQuotedPrintableTest {
    @Test
    void dollarAndBackslashDecodeAsThemselves() throws Exception {
        // a raw mail line of 60+ characters ending in a soft break, then "=24" ('$') and "=5C" ('\')
        String soft = "0.24% 0.10% [k] revert_creds [kernel.vmlinux] cred.h:266 0 1 xxxxx=";
        PerfLines lines = new PerfLines(new BufferedReader(new StringReader(soft + "\nprice=24 path=5Cx\n")));
        assertEquals(soft.substring(0, soft.length() - 1) + "price$ path\\x", lines.next());
        assertNull(lines.next());
    }

    @Test
    void aDecodedLineBreakStaysInsideTheOneLineError() {
        // a soft break joins the two raw lines, then "=0A" decodes to a line feed inside the line
        String soft = "this is not a perf script sample header, but it wraps as mail=";
        assertEquals(62, soft.length());
        PerfParseException e = assertThrows(PerfParseException.class, () -> PerfScriptParser.parse("mail.txt",
                new BufferedReader(new StringReader(soft + "\nx=0Ay\n")), false, s -> { }));
        assertEquals("mail.txt:1: expected a sample header \"<comm> <tid> [<cpu>] <time>: [<period>] <event>:\", found \""
                + soft.substring(0, 61) + "x\\ny\"", e.getMessage());
    }
}

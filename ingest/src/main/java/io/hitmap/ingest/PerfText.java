// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens perf text for reading: UTF-8 with bad bytes replaced (a symbol may hold anything),
 * gzip read transparently; and strips what mail adds to a line ({@code > } quote prefixes).
 */
public final class PerfText {
    private PerfText() {
    }

    public static BufferedReader open(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(openBytes(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
    }

    /** The file's bytes, gunzipped when it starts with the gzip magic {@code 1f 8b}. */
    public static InputStream openBytes(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16)) : in;
    }

    /**
     * Removes mail quoting ({@code > }, {@code >> }, {@code > > }) and a UTF-8 byte-order mark;
     * keeps the rest of the line as it was, indent included.
     */
    public static String unquote(String line) {
        int i = 0;
        int n = line.length();
        if (n > 0 && line.charAt(0) == '\uFEFF') {
            i = 1;
        }
        int afterQuote = -1;
        int j = i;
        while (true) {
            while (j < n && (line.charAt(j) == ' ' || line.charAt(j) == '\t') && j - i < 4) {
                j++;
            }
            if (j < n && line.charAt(j) == '>') {
                j++;
                afterQuote = j;
                i = j;
            } else {
                break;
            }
        }
        if (afterQuote < 0) {
            return i == 0 ? line : line.substring(i);
        }
        // one blank after the last '>' belongs to the quoting, not to the text
        if (afterQuote < n && line.charAt(afterQuote) == ' ') {
            afterQuote++;
        }
        return line.substring(afterQuote);
    }
}

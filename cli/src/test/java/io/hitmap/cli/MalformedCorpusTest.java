// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import static io.hitmap.cli.CliEndToEndTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The malformed-input corpus (sample-traces/malformed: real captures broken in one known way by
 * make.py, plus wrong kinds of file for each command): every case ends with its exit code and its
 * one-line message, never a stack trace; the good ones among them (gzip, CRLF, BOM, tabs,
 * invalid UTF-8) parse.
 */
class MalformedCorpusTest {
    private static final Path CORPUS = Path.of(System.getProperty("sample.traces", "../sample-traces"), "malformed");

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            cases.add(Arguments.of(f[0], Integer.parseInt(f[1]), f[2]));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void endsWithItsCodeAndMessage(String args, int exit, String firstErrLine) {
        List<String> argv = new ArrayList<>();
        String file = null;
        for (String a : args.split(" ")) {
            if (!argv.isEmpty() && !a.startsWith("-")) {
                a = CORPUS.resolve(a).toString();
                file = file == null ? a : file;
            }
            argv.add(a);
        }
        CliEndToEndTest.Run r = run(argv.toArray(String[]::new));
        r.assertNoStackTrace();
        assertEquals(exit, r.code(), r.err());
        String first = r.err().lines().filter(l -> !l.startsWith("hitmap: warning:")).findFirst().orElse("-");
        assertEquals(firstErrLine.replace("{FILE}", String.valueOf(file)), first);
        if (exit != 0) {
            assertTrue(r.err().lines().anyMatch(l -> l.startsWith("hitmap: hint: ")), "a hint follows: " + r.err());
            assertEquals("", r.out());
        } else {
            assertFalse(r.out().isBlank(), "a good case prints its analysis");
        }
    }

    @Test
    void aTenMegabyteLineParses(@TempDir Path dir) throws IOException {
        // overlayfs-creds-before with its first Pareto row's symbol blown up to 10 MB (a C++ symbol can be huge)
        List<String> lines = Files.readAllLines(CORPUS.resolveSibling("overlayfs-creds-before.c2c.txt"));
        lines.set(8, lines.get(8).replace("revert_creds", "revert_creds" + "x".repeat(10 << 20)));
        Path big = Files.write(dir.resolve("big.c2c.txt"), lines, StandardCharsets.UTF_8);
        CliEndToEndTest.Run r = run("lines", big.toString(), "--format", "csv");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("revert_creds" + "x".repeat(10 << 20)), "CSV keeps the symbol whole");
        CliEndToEndTest.Run text = run("lines", big.toString());
        assertTrue(text.out().lines().allMatch(l -> l.length() < 2000), "text cuts it");
    }
}

// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A java.io.tmpdir where DuckDB cannot unpack its native library -> one error line and exit 1. Runs
 * hitmap in a new JVM, because this one has loaded the library already.
 */
class NativeLibraryTest {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private static Run hitmap(Path tmpdir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmpdir, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "hitmap did not finish");
        return new Run(p.exitValue(), out, err);
    }

    @Test
    void saysWhereTheNativeLibraryGoesWhenItCannotBeUnpacked() throws Exception {
        // a directory that does not exist stands for one that cannot be written (root may write anywhere)
        Path missing = tmp.resolve("missing");
        Run r = hitmap(missing, "query", "--sql", "select 1");
        assertEquals(1, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals("hitmap: error: cannot load DuckDB's native library (it is unpacked into java.io.tmpdir="
                + missing + "; make that directory writable or pass -Djava.io.tmpdir=DIR)\n", r.err());

        Run debug = hitmap(missing, "query", "--debug", "--sql", "select 1");
        assertEquals(1, debug.code());
        assertTrue(debug.err().contains("\tat org.duckdb."), debug.err());
    }
}

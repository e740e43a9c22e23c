// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store locked by another process -> a one-line "in use" message, for writers and readers. */
class StoreLockTest {
    @TempDir
    Path dir;

    @Test
    void reportsAStoreLockedByAnotherProcess() throws Exception {
        Path store = dir.resolve("busy.duckdb");
        HitmapDb.openStore(store, false).close();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), store.toAbsolutePath().toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine());
            String expected = store + ": store is in use by another process (PID " + holder.pid()
                    + "); try again when it has finished";
            assertEquals(expected, assertThrows(StoreException.class, () -> HitmapDb.openStore(store, false)).getMessage());
            assertEquals(expected, assertThrows(StoreException.class, () -> HitmapDb.openStore(store, true)).getMessage());
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(30, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
    }
}

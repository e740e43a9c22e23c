// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code cat FILE | hitmap lines -}: runs hitmap in a new JVM with a pipe on its standard input,
 * because this JVM's standard input belongs to Surefire.
 */
class StandardInputTest {
    private static final Path BEFORE = Path.of(System.getProperty("sample.traces", "../sample-traces"),
            "overlayfs-creds-before.c2c.txt");

    private record Run(int code, String out, String err) {
    }

    private static Run hitmap(byte[] stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "hitmap did not finish");
        return new Run(p.exitValue(), out, err);
    }

    @Test
    void readsADashFromAPipe() throws Exception {
        // overlayfs-creds-before line 0: 1440 of the 1741 listed HITMs (see CliEndToEndTest.BEFORE_LINES)
        Run r = hitmap(Files.readAllBytes(BEFORE), "lines", "--top", "1", "--accessors", "1", "-");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertEquals("""
                capture 1  /dev/stdin  (top 1 line by HITM)

                #1  line 0
                    HITM 1440 (82.71% of the listed lines)  remote 412  local 1028  accessors 8
                    refcount (confidence 0.64): get/put on a reference count: revert_creds atomic64_64.h:39 (42.0%), override_creds atomic64_64.h:25 (11.9%), revert_creds cred.h:266 (0.1%)
                    false-sharing readers: generic_permission mnt_idmapping.h:81 (44.7%), inode_owner_or_capable mnt_idmapping.h:81 (0.6%), generic_permission namei.c:354 (0.1%) (no offsets printed: judged by source line, not an atomic/lock helper)
                    mostly local (remote 28.60%), nodes 0 1
                    remedy: A reference count bounced between CPUs by get/put on a shared object. If the object outlives the critical section (creds, labels, cgroups, mounts), take no reference: an RCU read-side section (or override_creds_light-style borrowing) makes get/put unnecessary. If references must be taken, a percpu_ref (or a managed percpu_ref) keeps the counter per CPU until the object dies; rcuref_t makes get/put cheaper but still shares the line.
                    model it: hitmap sim --scenario nginx-apparmor --strategies kref,rcuref,percpu-ref,managed-percpu,no-ref,rcu-read --cpus 16,48,96,192
                    symbol        source:line       rmt-hitm  lcl-hitm  nodes
                    revert_creds  atomic64_64.h:39    41.50%    42.22%  0 1
                    ... 7 more accessors
                """, r.out());
    }
}

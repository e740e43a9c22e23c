// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import static io.hitmap.cli.CliEndToEndTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hitmap.cli.CliEndToEndTest.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/hitmap} (the launcher the completion script registers for) and the completion script itself. */
class LauncherTest {
    private static final Path LAUNCHER = Path.of(System.getProperty("sample.traces", "../sample-traces"))
            .resolveSibling("bin").resolve("hitmap");

    @TempDir
    Path tmp;

    /** A copy of bin/hitmap in {@code tmp/checkout/bin}, as in a checkout whose jar is not built. */
    private Path checkout() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("checkout/bin"));
        Path copy = Files.copy(LAUNCHER, bin.resolve("hitmap"));
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
        return tmp.resolve("checkout").toRealPath();
    }

    private static Run exec(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "launcher did not finish");
        return new Run(p.exitValue(), out, err);
    }

    @Test
    void launcherIsExecutableBash() throws IOException {
        assertTrue(Files.isExecutable(LAUNCHER), LAUNCHER + " is not executable");
        assertTrue(Files.readString(LAUNCHER).startsWith("#!/usr/bin/env bash\n"));
    }

    @Test
    void launcherSaysHowToBuildAMissingJar() throws Exception {
        Path root = checkout();
        Run r = exec(Map.of(), root.resolve("bin/hitmap").toString(), "--version");
        assertEquals(1, r.code());
        assertEquals("", r.out());
        assertEquals("hitmap: error: " + root + "/cli/target/hitmap.jar is not built yet\n"
                + "hitmap: hint: run: mvn -q -B -DskipTests package   (in " + root + ")\n", r.err());
    }

    @Test
    void launcherRunsTheJarNextToItsRealPathThroughASymlink() throws Exception {
        Path root = checkout();
        Files.createDirectories(root.resolve("cli/target"));
        Files.writeString(root.resolve("cli/target/hitmap.jar"), "");
        // a java that prints its arguments, one per line
        Path java = Files.writeString(tmp.resolve("java"), "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(elsewhere.resolve("hitmap"), Path.of("../checkout/bin/hitmap"));
        Run r = exec(Map.of("JAVA", java.toString()), link.toString(), "lines", "a b.c2c.txt");
        assertEquals(0, r.code(), r.err());
        assertEquals(String.join("\n", List.of("-jar", root + "/cli/target/hitmap.jar", "lines", "a b.c2c.txt")) + "\n",
                r.out());
    }

    @Test
    void completionRegistersForHitmapWithEverySubcommand() {
        Run r = run("generate-completion");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("#!/usr/bin/env bash"), r.out());
        assertTrue(r.out().contains("\ncomplete -F _complete_hitmap -o default hitmap "), r.out());
        for (String sub : List.of("lines", "query", "ingest")) {
            assertTrue(r.out().contains("\nfunction _picocli_hitmap_" + sub + "() {"), sub);
        }
        assertTrue(r.out().contains("--store") && r.out().contains("--format") && r.out().contains("--sql"));
    }
}

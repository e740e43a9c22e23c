// SPDX-License-Identifier: Apache-2.0
import io.hitmap.analysis.HitmapDb;
import io.hitmap.ingest.arrow.ScriptToArrow;
import io.hitmap.ingest.script.PerfScriptParser;
import io.hitmap.ingest.script.ScriptSummary;
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.RootAllocator;

/**
 * One phase of the perf script benchmark in this JVM, so that its peak RSS is its own:
 * {@code java -Xmx256m -cp hitmap.jar bench/ScriptParseBench.java FILE read|parse|arrow|ingest [STORE]}.
 * read: BufferedReader (UTF-8, 64 KiB, as PerfText) readLine + count; parse: PerfScriptParser
 * with a sink that counts frames; arrow: parse + the Arrow batches of ScriptToArrow, dropped;
 * ingest: parse + Arrow batches + DuckDB store file (STORE, deleted first). Prints MB/s (10^6 bytes per second), VmHWM (peak RSS) from /proc/self/status, and the
 * CPU seconds the phase took on the main thread (the parser) and in the whole process (JIT, GC,
 * the insert thread and DuckDB's included), which depend less on what else runs on the machine
 * than the elapsed time.
 */
public class ScriptParseBench {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String phase = args[1];
        double mb = Files.size(file) / 1e6;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long main0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        String what;
        switch (phase) {
            case "read" -> {
                long lines = 0;
                try (BufferedReader r = new BufferedReader(new InputStreamReader(new FileInputStream(file.toFile()),
                        StandardCharsets.UTF_8), 1 << 16)) {
                    while (r.readLine() != null) {
                        lines++;
                    }
                }
                what = lines + " lines";
            }
            case "parse" -> {
                long[] frames = new long[1];
                ScriptSummary s = PerfScriptParser.parse(file, false, x -> frames[0] += x.stack().size());
                what = s.samples() + " samples, " + frames[0] + " frames";
            }
            case "arrow" -> {
                ScriptToArrow c = ScriptToArrow.of(file, false, null);
                try (RootAllocator a = new RootAllocator()) {
                    c.write(a, 1, (table, batch) -> { });
                }
                what = c.summary().samples() + " samples, " + c.summary().frames() + " frames";
            }
            case "ingest" -> {
                Path store = Path.of(args[2]);
                Files.deleteIfExists(store);
                try (HitmapDb db = HitmapDb.openStore(store, false)) {
                    ScriptToArrow c = ScriptToArrow.of(file, false, null);
                    db.insertCaptures(List.of(c));
                    what = c.summary().samples() + " samples, " + c.summary().frames() + " frames -> " + store;
                }
            }
            default -> throw new IllegalArgumentException("phase: read, parse, arrow or ingest");
        }
        double s = (System.nanoTime() - t0) / 1e9;
        double mainCpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - main0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        System.out.println(String.format(Locale.ROOT,
                "%-7s %9.1f MB %8.2f s %8.1f MB/s  VmHWM %s  cpu main %.2f s, process %.2f s  (%s)",
                phase, mb, s, mb / s, hwm(), mainCpu, cpu, what));
    }

    private static String hwm() throws Exception {
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith("VmHWM:")) {
                return l.substring(6).strip();
            }
        }
        return "?";
    }
}

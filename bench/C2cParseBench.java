// SPDX-License-Identifier: Apache-2.0
import io.hitmap.analysis.HitmapDb;
import io.hitmap.ingest.arrow.C2cToArrow;
import io.hitmap.ingest.arrow.CaptureTables;
import io.hitmap.ingest.c2c.C2cCapture;
import io.hitmap.ingest.c2c.C2cReportParser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.RootAllocator;

/**
 * Throughput and memory of the c2c ingest path against a plain line read of the same file, in
 * one JVM, after a warm-up:
 * <pre>
 * (a) baseline   BufferedReader (UTF-8, 64 KiB buffer, as PerfText.open) readLine + count
 * (b) parse      C2cReportParser.parse(file, strict)
 * (c) ingest     (b) + HitmapDb.inMemory().addCapture (Arrow vectors, C stream, DuckDB INSERT)
 * (d) arrow      C2cToArrow.convert of an already parsed capture (part of (c), shown apart)
 * </pre>
 * Rounds run a, b, c, d in turn so that machine load hits every phase alike. Heap is sampled
 * every 2 ms (MemoryMXBean used) from a full GC at the start of each phase; "retained" is the heap
 * the parsed capture keeps after a GC (peak RSS is measured per process by bench/run.sh: the JVM
 * keeps the heap it grew, so an in-process RSS says little). {@code --profile} adds one sampled parse and one sampled
 * addCapture (Thread.getStackTrace every 5 ms; safepoint-biased, good for where, not for how much).
 * <pre>
 * java --add-opens=java.base/java.nio=ALL-UNNAMED -cp cli/target/hitmap.jar bench/C2cParseBench.java FILE
 *      [--reps 3] [--warmup 1] [--no-db] [--profile]
 * </pre>
 */
public final class C2cParseBench {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final double MB = 1e6;

    /** One timed phase: seconds and sampled peak heap. */
    record Sample(double seconds, long peakHeap) {
    }

    public static void main(String[] args) throws Exception {
        Path file = null;
        int reps = 3;
        int warmup = 1;
        boolean db = true;
        boolean profile = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reps": reps = Integer.parseInt(args[++i]); break;
                case "--warmup": warmup = Integer.parseInt(args[++i]); break;
                case "--no-db": db = false; break;
                case "--profile": profile = true; break;
                default:
                    if (args[i].startsWith("-") || file != null) {
                        System.err.println("usage: C2cParseBench FILE [--reps N] [--warmup N] [--no-db] [--profile]");
                        System.exit(2);
                    }
                    file = Path.of(args[i]);
            }
        }
        if (file == null || !Files.isRegularFile(file)) {
            System.err.println("C2cParseBench: expected a c2c report file, found " + file);
            System.exit(2);
        }
        long bytes = Files.size(file);
        HeapSampler heap = new HeapSampler();
        heap.start();

        System.out.printf(Locale.ROOT, "file        %s  %.1f MB (%d bytes)%n", file, bytes / MB, bytes);
        System.out.printf(Locale.ROOT, "jvm         %s %s, max heap %d MB, %d cpus, GC %s%n",
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(), gcNames());
        System.out.printf(Locale.ROOT, "load        %s (start)%n", loadavg());

        Map<String, List<Sample>> runs = new LinkedHashMap<>();
        for (String k : List.of("a", "b", "c", "c.parse", "c.add", "d")) {
            runs.put(k, new ArrayList<>());
        }
        long[] lines = new long[1];
        C2cCapture[] shape = new C2cCapture[1];
        long[] retained = new long[1];
        long[] arrowPeak = new long[1];
        for (int round = 0; round < warmup + reps; round++) {
            boolean keep = round >= warmup;
            String tag = keep ? "round " + (round - warmup + 1) + "/" + reps : "warm-up " + (round + 1) + "/" + warmup;
            Path f = file;

            Sample a = phase(heap, () -> lines[0] = countLines(f));
            Sample b = phase(heap, () -> shape[0] = parse(f));
            if (keep) {
                // the heap the parsed capture keeps: GC with it alive, GC after dropping it
                System.gc();
                long with = MEMORY.getHeapMemoryUsage().getUsed();
                Sample d = phase(heap, () -> arrowPeak[0] = arrowOnly(shape[0]));
                runs.get("d").add(d);
                shape[0] = null;
                System.gc();
                long without = MEMORY.getHeapMemoryUsage().getUsed();
                retained[0] = Math.max(retained[0], with - without);
            }
            shape[0] = null;
            System.err.printf(Locale.ROOT, "%-12s read %.2fs  parse %.2fs", tag, a.seconds, b.seconds);
            if (db) {
                double[] split = new double[2];
                Sample c = phase(heap, () -> {
                    ingest(f, split, shape);
                    return null;
                });
                System.err.printf(Locale.ROOT, "  ingest %.2fs (parse %.2fs + addCapture %.2fs)",
                        c.seconds, split[0], split[1]);
                if (keep) {
                    runs.get("c").add(c);
                    runs.get("c.parse").add(new Sample(split[0], 0));
                    runs.get("c.add").add(new Sample(split[1], 0));
                }
            }
            System.err.println();
            if (keep) {
                runs.get("a").add(a);
                runs.get("b").add(b);
            }
        }
        C2cCapture c = parse(file);
        System.out.printf(Locale.ROOT, "load        %s (end)%n", loadavg());
        System.out.printf(Locale.ROOT, "input       %d lines read (parser: %d used, %d structural, %d skipped), layout %s%n",
                lines[0], c.linesUsed(), c.linesStructural(), c.linesSkipped(), c.formatVariant());
        long rows = c.lines().size() + c.accesses().size() + c.summary().size() + c.callgraph().size();
        System.out.printf(Locale.ROOT, "rows        %d = %d cache lines + %d Pareto accesses + %d summary + %d callgraph%n",
                rows, c.lines().size(), c.accesses().size(), c.summary().size(), c.callgraph().size());
        System.out.printf(Locale.ROOT, "retained    %.0f MB heap held by the parsed C2cCapture (%.0f bytes per row, %.2f x file size)%n",
                retained[0] / MB, (double) retained[0] / rows, (double) retained[0] / bytes);
        System.out.printf(Locale.ROOT, "arrow       %.0f MB off-heap peak for C2cToArrow.convert (Arrow allocator)%n",
                arrowPeak[0] / MB);
        System.out.println();
        table(runs, bytes, lines[0], rows, reps, warmup);
        if (profile) {
            System.out.println();
            Path f = file;
            Profiler.run("C2cReportParser.parse", () -> parse(f));
            if (db) {
                C2cCapture parsed = parse(f);
                Profiler.run("HitmapDb.addCapture", () -> {
                    try (HitmapDb d = HitmapDb.inMemory()) {
                        d.addCapture(parsed);
                    }
                    return null;
                });
            }
        }
        heap.interrupt();
    }

    private static void table(Map<String, List<Sample>> runs, long bytes, long lines, long rows, int reps, int warmup) {
        double base = median(runs.get("a"));
        System.out.printf(Locale.ROOT, "median of %d runs after %d warm-up; ratio = time / time of (a); speed = MB/s / MB/s of (a)%n",
                reps, warmup);
        String head = String.format(Locale.ROOT, "%-38s %8s %8s %8s %11s %9s %8s %9s %9s",
                "phase", "median s", "min s", "MB/s", "lines/s", "rows/s", "ratio", "speed", "peak heap");
        System.out.println(head);
        System.out.println("-".repeat(head.length()));
        Map<String, String> names = new LinkedHashMap<>();
        names.put("a", "(a) read lines (BufferedReader)");
        names.put("b", "(b) parse, strict");
        names.put("c", "(c) parse + addCapture (Arrow+DuckDB)");
        names.put("c.parse", "    of which parse");
        names.put("c.add", "    of which addCapture");
        names.put("d", "(d) C2cToArrow.convert only");
        for (Map.Entry<String, String> e : names.entrySet()) {
            List<Sample> s = runs.get(e.getKey());
            if (s.isEmpty()) {
                continue;
            }
            double med = median(s);
            double min = s.stream().mapToDouble(Sample::seconds).min().orElse(0);
            long peak = s.stream().mapToLong(Sample::peakHeap).max().orElse(0);
            boolean wholeFile = !e.getKey().equals("c.add") && !e.getKey().equals("d");
            System.out.printf(Locale.ROOT, "%-38s %8.3f %8.3f %8s %11s %9s %7.1fx %9s %9s%n",
                    e.getValue(), med, min,
                    wholeFile ? String.format(Locale.ROOT, "%.1f", bytes / MB / med) : "",
                    wholeFile ? String.format(Locale.ROOT, "%.0f", lines / med) : "",
                    e.getKey().equals("a") ? "" : String.format(Locale.ROOT, "%.0f", rows / med),
                    med / base,
                    wholeFile ? String.format(Locale.ROOT, "%.3f", base / med) : "",
                    peak == 0 ? "" : String.format(Locale.ROOT, "%.0f MB", peak / MB));
        }
    }

    private static double median(List<Sample> s) {
        List<Double> t = new ArrayList<>(s.stream().map(Sample::seconds).toList());
        Collections.sort(t);
        int n = t.size();
        return n % 2 == 1 ? t.get(n / 2) : (t.get(n / 2 - 1) + t.get(n / 2)) / 2;
    }

    interface Body {
        Object run() throws Exception;
    }

    private static Sample phase(HeapSampler heap, Body body) throws Exception {
        System.gc();
        heap.reset();
        long t0 = System.nanoTime();
        body.run();
        long t1 = System.nanoTime();
        return new Sample((t1 - t0) / 1e9, heap.peak());
    }

    static long countLines(Path f) throws Exception {
        long n = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(f), StandardCharsets.UTF_8), 1 << 16)) {
            while (r.readLine() != null) {
                n++;
            }
        }
        return n;
    }

    static C2cCapture parse(Path f) throws Exception {
        return C2cReportParser.parse(f, false);
    }

    static void ingest(Path f, double[] split, C2cCapture[] hold) throws Exception {
        long t0 = System.nanoTime();
        C2cCapture c = parse(f);
        long t1 = System.nanoTime();
        try (HitmapDb db = HitmapDb.inMemory()) {
            db.addCapture(c);
        }
        long t2 = System.nanoTime();
        split[0] = (t1 - t0) / 1e9;
        split[1] = (t2 - t1) / 1e9;
    }

    static long arrowOnly(C2cCapture c) {
        try (RootAllocator a = new RootAllocator(); CaptureTables t = C2cToArrow.convert(a, 1, c)) {
            return a.getPeakMemoryAllocation();
        }
    }

    private static String gcNames() {
        return String.join("+", ManagementFactory.getGarbageCollectorMXBeans().stream().map(g -> g.getName()).toList());
    }

    private static String loadavg() {
        try {
            return "loadavg " + Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "loadavg n/a";
        }
    }

    /** Samples heap used every 2 ms; peak() is the largest value since reset(). */
    static final class HeapSampler extends Thread {
        private volatile long peak;

        HeapSampler() {
            super("heap-sampler");
            setDaemon(true);
        }

        void reset() {
            peak = MEMORY.getHeapMemoryUsage().getUsed();
        }

        long peak() {
            return Math.max(peak, MEMORY.getHeapMemoryUsage().getUsed());
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                long used = MEMORY.getHeapMemoryUsage().getUsed();
                if (used > peak) {
                    peak = used;
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** A poor man's sampling profiler: the caller's stack every 5 ms while body runs. */
    static final class Profiler {
        static void run(String what, Body body) throws Exception {
            Thread target = Thread.currentThread();
            Map<String, Integer> self = new HashMap<>();
            Map<String, Integer> ours = new HashMap<>();
            Map<String, Integer> inclusive = new HashMap<>();
            int[] samples = new int[1];
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    StackTraceElement[] st = target.getStackTrace();
                    if (st.length > 0) {
                        samples[0]++;
                        self.merge(frame(st[0]), 1, Integer::sum);
                        Set<String> seen = new LinkedHashSet<>();
                        boolean first = true;
                        for (StackTraceElement e : st) {
                            if (e.getClassName().startsWith("io.hitmap.")) {
                                if (first) {
                                    ours.merge(frame(e), 1, Integer::sum);
                                    first = false;
                                }
                                seen.add(e.getClassName().replace("io.hitmap.", "") + "." + e.getMethodName());
                            }
                        }
                        seen.forEach(m -> inclusive.merge(m, 1, Integer::sum));
                    }
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "profiler");
            sampler.setDaemon(true);
            long t0 = System.nanoTime();
            sampler.start();
            body.run();
            sampler.interrupt();
            sampler.join();
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "profile of %s: %.2f s, %d stack samples (5 ms, safepoint-biased)%n",
                    what, secs, samples[0]);
            print("  top frame (self)", self, samples[0], 12);
            print("  innermost io.hitmap frame", ours, samples[0], 12);
            print("  io.hitmap methods on the stack (inclusive)", inclusive, samples[0], 15);
        }

        private static String frame(StackTraceElement e) {
            String cls = e.getClassName();
            cls = cls.substring(cls.lastIndexOf('.') + 1);
            return cls + "." + e.getMethodName() + " (" + e.getFileName() + ":" + e.getLineNumber() + ")";
        }

        private static void print(String title, Map<String, Integer> counts, int total, int top) {
            System.out.println(title);
            counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(top)
                    .forEach(e -> System.out.printf(Locale.ROOT, "    %5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
        }
    }
}

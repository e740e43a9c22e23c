// SPDX-License-Identifier: Apache-2.0
import io.hitmap.analysis.HitmapDb;
import io.hitmap.ingest.PerfText;
import io.hitmap.ingest.arrow.ProfileStream;
import io.hitmap.ingest.arrow.ProfileToArrow;
import io.hitmap.ingest.profile.ChainNode;
import io.hitmap.ingest.profile.PerfReportParser;
import io.hitmap.ingest.profile.ProfileEntry;
import io.hitmap.ingest.profile.ProfileSink;
import io.hitmap.ingest.profile.ProfileSummary;
import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput and heap of the perf report ingest path against a plain line read of the same file,
 * in one JVM, after a warm-up (rounds run a, b, c in turn so machine load hits each alike):
 * <pre>
 * (a) baseline  PerfText.open(file).reader() readLine + count (the reader every parser uses)
 * (b) parse     PerfReportParser.parse(name, reader, strict, sink) with a sink that only counts
 * (d) arrow     ProfileToArrow.stream(file).write(allocator, 1, sink that drops each batch): parse + Arrow, no DuckDB
 * (c) ingest    HitmapDb.inMemory().insertCaptures(ProfileToArrow.stream(file)): parse + Arrow batches + DuckDB
 * </pre>
 * Peak heap is sampled every 2 ms (MemoryMXBean used) from a full GC at the start of each phase.
 * <pre>
 * java --add-opens=java.base/java.nio=ALL-UNNAMED -cp cli/target/hitmap.jar bench/ReportParseBench.java FILE [--reps 3]
 * </pre>
 */
public final class ReportParseBench {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    record Sample(double seconds, long peakHeap) {
    }

    interface Phase {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int reps = args.length > 2 && args[1].equals("--reps") ? Integer.parseInt(args[2]) : 3;
        double mb = Files.size(file) / 1e6;
        AtomicLong lines = new AtomicLong();
        AtomicLong rows = new AtomicLong();
        Phase a = () -> {
            long n = 0;
            try (PerfText t = PerfText.open(file)) {
                BufferedReader r = t.reader();
                while (r.readLine() != null) {
                    n++;
                }
            }
            lines.set(n);
        };
        Phase b = () -> {
            AtomicLong n = new AtomicLong();
            try (PerfText t = PerfText.open(file)) {
                ProfileSummary s = PerfReportParser.parse(file.toString(), t.reader(), false, new ProfileSink() {
                    @Override
                    public void entry(ProfileEntry e) {
                        n.incrementAndGet();
                    }

                    @Override
                    public void node(ChainNode c) {
                        n.incrementAndGet();
                    }
                });
                if (s.linesRead() != lines.get()) {
                    throw new IllegalStateException("parse read " + s.linesRead() + " lines, baseline " + lines.get());
                }
            }
            rows.set(n.get());
        };
        Phase c = () -> {
            try (HitmapDb db = HitmapDb.inMemory()) {
                ProfileStream s = ProfileToArrow.stream(file, false);
                db.insertCaptures(List.of(s));
                long stored = (Long) db.query("SELECT (SELECT count(*) FROM profile_entries) + "
                        + "(SELECT count(*) FROM profile_callchains)").rows().get(0).get(0);
                if (stored != rows.get()) {
                    throw new IllegalStateException("stored " + stored + " rows, parsed " + rows.get());
                }
            }
        };
        Phase d = () -> {
            try (org.apache.arrow.memory.RootAllocator al = new org.apache.arrow.memory.RootAllocator()) {
                ProfileToArrow.stream(file, false).write(al, 1, (table, batch) -> { });
            }
        };
        System.out.printf(Locale.ROOT, "file %s: %.1f MB%n", file, mb);
        measure(a);
        measure(b);
        measure(d);
        measure(c); // warm-up round
        Phase[] phases = {a, b, d, c};
        double[] best = new double[phases.length];
        java.util.Arrays.fill(best, Double.MAX_VALUE);
        long[] heap = new long[phases.length];
        for (int r = 0; r < reps; r++) {
            for (int p = 0; p < phases.length; p++) {
                Sample s = measure(phases[p]);
                best[p] = Math.min(best[p], s.seconds());
                heap[p] = Math.max(heap[p], s.peakHeap());
            }
        }
        System.out.printf(Locale.ROOT, "%d lines, %d rows + tree nodes; best of %d rounds%n", lines.get(), rows.get(), reps);
        String[] names = {"(a) baseline readLine", "(b) parse (counting sink)", "(d) parse + Arrow (no DuckDB)",
            "(c) ingest (parse+Arrow+DuckDB)"};
        for (int p = 0; p < phases.length; p++) {
            System.out.printf(Locale.ROOT, "%-34s %7.2f s  %7.1f MB/s  %5.0f%% of (a)  peak heap %6.1f MB%n",
                    names[p], best[p], mb / best[p], 100 * best[0] / best[p], heap[p] / 1e6);
        }
    }

    private static Sample measure(Phase p) throws Exception {
        System.gc();
        long[] peak = {MEMORY.getHeapMemoryUsage().getUsed()};
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak[0] = Math.max(peak[0], MEMORY.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long t0 = System.nanoTime();
        p.run();
        double s = (System.nanoTime() - t0) / 1e9;
        sampler.interrupt();
        sampler.join();
        return new Sample(s, peak[0]);
    }
}

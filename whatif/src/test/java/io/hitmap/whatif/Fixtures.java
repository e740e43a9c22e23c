// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

import io.hitmap.analysis.HitmapDb;
import io.hitmap.ingest.c2c.C2cReportParser;
import io.hitmap.sim.Topologies;
import java.nio.file.Path;

/** Real captures of sample-traces/ read into a database, as the what-if command reads them. */
final class Fixtures {
    static final Path TRACES = Path.of(System.getProperty("sample.traces", "../sample-traces"));
    static final String BEFORE = "overlayfs-creds-before.c2c.txt";
    static final String AFTER = "overlayfs-creds-after.c2c.txt";
    /** The sample-traces README calls the overlayfs machine SPR-class Intel; its nodes 0 1 are two sockets. */
    static final String SPR = "spr-8480-2s";

    private Fixtures() {
    }

    static int add(HitmapDb db, String file) throws Exception {
        return db.addCapture(C2cReportParser.parse(TRACES.resolve(file), false));
    }

    static Capture read(HitmapDb db, String file) throws Exception {
        return CaptureReader.read(db, add(db, file), null);
    }

    /** The before replay of {@code c} on the whole SPR preset, at light load (no share of CPU time given). */
    static Baseline lightLoad(Capture c, Target t) {
        Machine m = Machine.forCapture(Topologies.byName(SPR), c.nodes());
        return Baseline.of(c, t, m, null, null, Baseline.DEFAULT_OPS, Baseline.DEFAULT_SEED);
    }

    static CapturedAccessor accessor(Capture c, int line, int row) {
        return c.line(line).accessors().stream().filter(a -> a.row().rowInLine() == row).findFirst().orElseThrow();
    }
}

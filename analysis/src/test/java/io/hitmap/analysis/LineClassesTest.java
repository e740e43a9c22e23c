// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hitmap.ingest.PerfParseException;
import io.hitmap.ingest.c2c.C2cReportParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** line_classes (views/classify.sql) on real captures, verdicts read off their Pareto blocks by hand. */
class LineClassesTest {
    private static final Path TRACES = Path.of(System.getProperty("sample.traces", "../sample-traces"));

    private static HitmapDb db(String... files) throws Exception {
        HitmapDb db = HitmapDb.inMemory();
        for (String f : files) {
            db.addCapture(C2cReportParser.parse(TRACES.resolve(f), false));
        }
        return db;
    }

    private static List<Object> row(HitmapDb db, int line, String columns) throws Exception {
        return db.query("SELECT " + columns + " FROM line_classes WHERE line_index = " + line).rows().get(0);
    }

    /**
     * overlayfs-creds-before line 0: revert_creds/override_creds at atomic64_64.h (the cred usage
     * counter's get/put) and generic_permission at mnt_idmapping.h:81 reading other cred fields;
     * lines 1 and 2: update_cfs_group's atomic64_64.h:15, one counter (the expectations).
     */
    @Test
    void overlayfsBefore() throws Exception {
        try (HitmapDb db = db("overlayfs-creds-before.c2c.txt")) {
            List<Object> l0 = row(db, 0, "class, secondary, evidence, victims");
            assertEquals("refcount", l0.get(0));
            assertEquals("false-sharing readers", l0.get(1));
            assertTrue(((String) l0.get(2)).startsWith("get/put on a reference count: revert_creds atomic64_64.h:39 ("),
                    (String) l0.get(2));
            assertTrue(((String) l0.get(2)).contains("override_creds atomic64_64.h:25"), (String) l0.get(2));
            assertTrue(((String) l0.get(3)).startsWith("generic_permission mnt_idmapping.h:81 ("), (String) l0.get(3));
            assertEquals(List.of("true-sharing", "true-sharing"), List.of(row(db, 1, "class").get(0), row(db, 2, "class").get(0)));
            assertTrue(((String) row(db, 1, "evidence").get(0)).contains("update_cfs_group at atomic64_64.h:15"));
            // Pareto-only excerpt: no loads/stores and no store columns, so no store share
            assertNull(row(db, 0, "store_share").get(0));
            // remote share of line 0 = 412 / (412 + 1028)
            assertEquals(0.286, ((Number) row(db, 0, "remote_share").get(0)).doubleValue(), 1e-9);
        }
    }

    @Test
    void readersOnlyLineIsNotCalledFalseSharing() throws Exception {
        // overlayfs-creds-after line 2: only generic_permission reads; the writer is not among the accessors
        try (HitmapDb db = db("overlayfs-creds-after.c2c.txt")) {
            assertEquals("unclassified", row(db, 2, "class").get(0));
        }
    }

    @Test
    void falseSharingWithOffsetsNamesTheVictimAndTheWrittenOffset() throws Exception {
        // false_sharing-6.0-x86-tot line 0: 0x0 written (St L1Hit 90.51% / L1Miss 100%), 0x20 read by
        // ...1447 with 86.90% of the local HITMs (the line has no remote ones)
        try (HitmapDb db = db("false_sharing-6.0-x86-tot.c2c.txt")) {
            List<Object> l0 = row(db, 0, "class, confidence, evidence");
            assertEquals("false-sharing", l0.get(0));
            assertEquals(0.87, ((Number) l0.get(1)).doubleValue(), 1e-9);
            assertTrue(((String) l0.get(2)).contains("@0x20 (86.9%)"), (String) l0.get(2));
            assertTrue(((String) l0.get(2)).endsWith("written at 0x0"), (String) l0.get(2));
        }
    }

    @Test
    void lockWordAndRefcountByName() throws Exception {
        // will-it-scale-mmap line 0: rwsem_spin_on_owner spinning on mmap_lock's count
        try (HitmapDb db = db("will-it-scale-mmap-5.13-intel-new.c2c.txt")) {
            assertEquals("lock", row(db, 0, "class").get(0));
        }
        // will-it-scale-signal: refcount_dec_not_one on one location
        try (HitmapDb db = db("will-it-scale-signal-5.x-intel-NN-pid-callgraph.head.c2c.txt")) {
            assertEquals("refcount", row(db, 0, "class").get(0));
        }
    }

    @Test
    void userRulesAddToTheBuiltInOnes(@TempDir Path dir) throws Exception {
        try (HitmapDb db = db("overlayfs-creds-after.c2c.txt")) {
            Path rules = Files.writeString(dir.resolve("mine.tsv"),
                    "# my locks\nlock\tsymbol\t^generic_permission$\tpretend it is a lock\n", StandardCharsets.UTF_8);
            assertEquals(1, ClassifyRules.add(db, rules));
            assertEquals("lock", row(db, 2, "class").get(0));
            assertEquals(List.of(List.of(rules + ":2")), db.query(
                    "SELECT origin FROM hitmap_rules WHERE meaning = 'pretend it is a lock'").rows());
        }
    }

    @Test
    void badRulesFileNamesTheLine(@TempDir Path dir) throws Exception {
        try (HitmapDb db = HitmapDb.inMemory()) {
            Path bad = Files.writeString(dir.resolve("bad.tsv"), "# ok\nrefcount symbol ^x$ spaces not tabs\n");
            PerfParseException e = assertThrows(PerfParseException.class, () -> ClassifyRules.add(db, bad));
            assertEquals(2, e.lineNo());
            assertTrue(e.getMessage().startsWith(bad + ":2: expected \"kind<TAB>field<TAB>pattern<TAB>meaning\""),
                    e.getMessage());
            Path regex = Files.writeString(dir.resolve("regex.tsv"), "lock\tsymbol\t(unclosed\tbad\n");
            PerfParseException r = assertThrows(PerfParseException.class, () -> ClassifyRules.add(db, regex));
            assertEquals(1, r.lineNo());
            assertTrue(r.getMessage().contains("expected a regular expression (RE2), found \"(unclosed\""), r.getMessage());
        }
    }
}

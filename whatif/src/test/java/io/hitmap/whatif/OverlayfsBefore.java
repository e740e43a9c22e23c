// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

import io.hitmap.analysis.HitmapDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Tests on overlayfs-creds-before.c2c.txt: the capture read once per test class, its database closed after. */
abstract class OverlayfsBefore {
    static HitmapDb db;
    static Capture c;

    @BeforeAll
    static void openBefore() throws Exception {
        db = HitmapDb.inMemory();
        c = Fixtures.read(db, Fixtures.BEFORE);
    }

    @AfterAll
    static void closeBefore() throws Exception {
        db.close();
    }
}

// SPDX-License-Identifier: Apache-2.0
package io.hitmap.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** --target on the overlayfs capture -> the accessors it selects, read off the file's rows. */
class TargetTest extends OverlayfsBefore {
    private static List<String> selected(Target t) {
        return t.lines(c).stream().flatMap(l -> t.of(l).stream()).map(CapturedAccessor::label).toList();
    }

    @Test
    void defaultsToTheRefcountAccessorsOfTheRefcountLine() {
        // init_file's atomic is a get on the same count, but the rules call it atomic, not refcount
        assertEquals(List.of("revert_creds atomic64_64.h:39", "override_creds atomic64_64.h:25", "revert_creds cred.h:266"),
                selected(Target.parse(null)));
        assertEquals(selected(Target.parse(null)), selected(Target.parse("0")));
    }

    @Test
    void aLineWithoutRefcountAccessorsSelectsNothing() {
        assertEquals(List.of(), selected(Target.parse("1"))); // update_cfs_group: true sharing
        assertEquals(1, Target.parse(" 1 ").line());
    }

    @Test
    void aPatternSelectsBySymbolOnAnyLine() {
        assertEquals(List.of("override_creds atomic64_64.h:25", "init_file atomic64_64.h:25"),
                selected(Target.parse("init_file|override")));
        assertEquals(List.of("update_cfs_group atomic64_64.h:15", "update_cfs_group atomic64_64.h:15",
                "update_cfs_group fair.c:3932"), selected(Target.parse("^update_cfs")));
    }

    @Test
    void rejectsABadPatternNamingWhere() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Target.parse("(revert"));
        assertEquals("--target '(revert' is neither a line number nor a regular expression: Unclosed group near index 7",
                e.getMessage());
    }
}

// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The frame and stack caches stay within their bound however many distinct stacks go through. */
class ScriptStacksTest {
    private static final long CAP = 16 * 1024;

    @Test
    void heldMemoryStaysUnderTheCapAndIdsKeepCounting() throws Exception {
        ScriptStacks stacks = new ScriptStacks(CAP);
        int lastId = -1;
        for (int i = 0; i < 20_000; i++) {
            frame(stacks, i, 1);
            frame(stacks, i + 1, 2);
            ScriptStack s = stacks.take();
            assertEquals(lastId + 1, s.id()); // every stack is new: ids count on through the clears
            lastId = s.id();
            assertTrue(stacks.heldBytes() <= CAP, "held " + stacks.heldBytes() + " bytes");
        }
        assertTrue(stacks.clears() > 100, "clears: " + stacks.clears());
    }

    @Test
    void aStackSeenAgainIsTheSameUntilACacheClearsThenANewIdWithTheSameFrames() throws Exception {
        ScriptStacks stacks = new ScriptStacks(CAP);
        frame(stacks, 7, 1);
        ScriptStack first = stacks.take();
        frame(stacks, 7, 1);
        assertSame(first, stacks.take());
        for (int i = 100; i < 1_000; i++) { // enough distinct frame lines to clear the frame cache
            frame(stacks, i, 1);
            stacks.take();
        }
        frame(stacks, 7, 1);
        ScriptStack again = stacks.take();
        assertNotEquals(first.id(), again.id());
        assertEquals(first, again);
        assertEquals(first.frames(10), again.frames(10));
    }

    // the frame line of address i, parsed on a miss as the parser does
    private static void frame(ScriptStacks stacks, int i, int lineInSample) throws ScriptSyntaxException {
        String line = "\t" + String.format("%16x", 0xffffffff81000000L + i) + " f" + i + "+0x1 ([kernel.kallsyms])";
        if (!stacks.addCached(line, lineInSample)) {
            stacks.addNew(line, ScriptFrames.parse(line, 0, 0), lineInSample);
        }
    }
}

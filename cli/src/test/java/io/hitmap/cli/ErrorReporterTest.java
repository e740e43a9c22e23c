// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Errors that are no bug of hitmap's get a line and a hint, not a stack trace. */
class ErrorReporterTest {
    @Test
    void tellsHowToRaiseTheHeapWhenItRunsOut() {
        StringWriter err = new StringWriter();
        int code = ErrorReporter.internalError(new OutOfMemoryError("Java heap space"), new PrintWriter(err));
        assertEquals(1, code);
        assertEquals("hitmap: error: out of memory: Java heap space (the Java heap may grow to "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB)\n"
                + "hitmap: hint: give Java more: JAVA_OPTS=-Xmx4g hitmap ... (bin/hitmap), or java -Xmx4g -jar"
                + " hitmap.jar ...\n", err.toString());
    }
}

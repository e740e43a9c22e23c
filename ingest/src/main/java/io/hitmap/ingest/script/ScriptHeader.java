// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.script;

/**
 * The fields of one sample header line; {@code frame} is the ip/sym/dso printed on the header
 * line itself (a recording without call chains), {@code trailing} any other text after the event.
 * {@code layout} says which fields were printed, so that every header of a file can be held to
 * the first one's.
 */
record ScriptHeader(String comm, Integer pid, Integer tid, Integer cpu, Double time, Long period, String event,
                    ScriptFrame frame, String trailing, int layout) {
    static final int PID = 1;
    static final int TID = 2;
    static final int CPU = 4;
    static final int TIME = 8;
    static final int PERIOD = 16;
    static final int EVENT = 32;
    static final int COMM = 64;

    /** eg, {@code <comm> <pid>/<tid> [<cpu>] <time>: <period> <event>:}, for messages. */
    static String describe(int layout) {
        StringBuilder b = new StringBuilder();
        if ((layout & COMM) != 0) {
            b.append("<comm> ");
        }
        if ((layout & PID) != 0) {
            b.append("<pid>/<tid> ");
        } else if ((layout & TID) != 0) {
            b.append("<tid> ");
        }
        if ((layout & CPU) != 0) {
            b.append("[<cpu>] ");
        }
        if ((layout & TIME) != 0) {
            b.append("<time>: ");
        }
        if ((layout & PERIOD) != 0) {
            b.append("<period> ");
        }
        if ((layout & EVENT) != 0) {
            b.append("<event>: ");
        }
        return b.toString().strip();
    }
}

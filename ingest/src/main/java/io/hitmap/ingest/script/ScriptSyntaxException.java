// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.script;

/** A line that breaks the {@code perf script} format; the parser adds the file and line number. */
final class ScriptSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    ScriptSyntaxException(String detail) {
        super(detail, null, false, false);
    }
}

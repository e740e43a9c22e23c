// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

/** A failure the user can fix -> its one-line message, optional hint and exit code (2 usage, 3 bad input). */
final class CommandFailure extends Exception {
    private static final long serialVersionUID = 1L;
    static final int USAGE = 2;
    static final int BAD_INPUT = 3;

    private final int exitCode;
    private final String hint;

    private CommandFailure(int exitCode, String message, String hint, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.hint = hint;
    }

    static CommandFailure usage(String message, String hint, Throwable cause) {
        return new CommandFailure(USAGE, message, hint, cause);
    }

    static CommandFailure badInput(String message, String hint, Throwable cause) {
        return new CommandFailure(BAD_INPUT, message, hint, cause);
    }

    int exitCode() {
        return exitCode;
    }

    /** What the user can do about it; may be null. */
    String hint() {
        return hint;
    }
}

// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import io.hitmap.analysis.NativeLibraryException;
import io.hitmap.analysis.StoreException;
import io.hitmap.ingest.PerfParseException;
import io.hitmap.report.TerminalText;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * An exception from parsing arguments or running a command -> {@code hitmap: error:} and
 * {@code hitmap: hint:} lines on stderr and the exit code. The one place exceptions become exit codes:
 * bad input and unusable stores 3, usage 2, a DuckDB that cannot load its native library 1, anything
 * else is a bug: 1 with the stack trace. {@code --debug} adds the stack trace to the others. Messages
 * quote file names and file content, so their control characters are escaped ({@link TerminalText}).
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final int BUG = 1;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        boolean debug = debug(parseResult);
        if (ex instanceof PerfParseException p) {
            String hint = p.hint() != null ? p.hint() : "the file should be the output of 'perf c2c report --stdio'";
            return report(err, CommandFailure.BAD_INPUT, p.getMessage(), hint, debug ? p : null);
        }
        if (ex instanceof StoreException s) {
            return report(err, CommandFailure.BAD_INPUT, oneLine(s.getMessage()), StoreHint.of(s),
                    debug ? s : null);
        }
        if (ex instanceof CommandFailure f) {
            return report(err, f.exitCode(), f.getMessage(), f.hint(), debug ? f : null);
        }
        if (ex instanceof NativeLibraryException n) {
            return report(err, BUG, n.getMessage(), null, debug ? n : null);
        }
        return internalError(ex, err);
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String hint = "see '" + cmd.getCommandSpec().qualifiedName() + " --help'";
        if (ex instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            hint = "did you mean " + String.join(" or ", u.getSuggestions().stream().map(s -> "'" + s + "'").toList())
                    + "? " + hint;
        }
        return report(cmd.getErr(), CommandFailure.USAGE, oneLine(ex.getMessage()), hint, null);
    }

    static int internalError(Throwable bug, PrintWriter err) {
        if (bug instanceof OutOfMemoryError) { // not a bug to report, but a limit the user can raise
            return report(err, BUG, "out of memory: " + oneLine(bug.getMessage()) + " (the Java heap may grow to "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB)",
                    "give Java more: JAVA_OPTS=-Xmx4g hitmap ... (bin/hitmap), or java -Xmx4g -jar hitmap.jar ...", null);
        }
        err.print("hitmap: internal error (a bug in hitmap; please report it with this trace): "
                + TerminalText.escape(String.valueOf(bug)) + "\n");
        bug.printStackTrace(err);
        err.flush();
        return BUG;
    }

    private static int report(PrintWriter err, int code, String message, String hint, Throwable trace) {
        err.print("hitmap: error: " + TerminalText.escape(message) + "\n");
        if (hint != null && !hint.isBlank()) {
            err.print("hitmap: hint: " + TerminalText.escape(hint) + "\n");
        }
        if (trace != null) {
            trace.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** {@code --debug} given on the root command or any subcommand. */
    private static boolean debug(ParseResult pr) {
        for (ParseResult p = pr; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    /** Multi-line messages (DuckDB's, some picocli ones) folded onto one line. */
    static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}

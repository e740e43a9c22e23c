// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.hitmap.ingest.PerfText;
import io.hitmap.ingest.ReadMeter;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** Command-line arguments -> the hitmap command they name, run, and its exit code. */
public final class Main {
    /** The exit codes every command documents in its --help; {@link ErrorReporter} maps exceptions to them. */
    static final Map<String, String> EXIT_CODES = exitCodes();

    private Main() {
    }

    public static void main(String... args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs one command with its results on {@code out} and diagnostics on {@code err} (both UTF-8). */
    public static int run(PrintStream out, PrintStream err, String... args) {
        PrintWriter o = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8));
        try {
            return commandLine(o, e, err == System.err).execute(args);
        } catch (RuntimeException | Error bug) {
            // picocli itself failed (e.g. a bad annotation): still a bug, still exit 1
            return ErrorReporter.internalError(bug, e);
        } finally {
            o.flush();
            e.flush();
        }
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, false);
    }

    /** {@code processStderr}: {@code err} writes to this process's stderr, so --progress=auto may draw there. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, boolean processStderr) {
        CommandLine cmd = new CommandLine(new HitmapCommand());
        cmd.setExecutionStrategy(parsed -> withProgress(parsed, err, processStderr));
        cmd.setOut(out);
        cmd.setErr(err);
        ErrorReporter reporter = new ErrorReporter();
        cmd.setExecutionExceptionHandler(reporter);
        cmd.setParameterExceptionHandler(reporter);
        completion(cmd.getSubcommands().get("generate-completion").getCommandSpec());
        documentExitCodes(cmd);
        return cmd;
    }

    /**
     * picocli's generate-completion, hidden from the command list, with hitmap's --version (its own
     * prints picocli's) and without the inherited --lenient and --debug, which do nothing there. It
     * is no longer a help command, which picocli lets take any argument, so a stray option is an error.
     */
    private static void completion(CommandSpec spec) {
        spec.usageMessage().hidden(true);
        spec.helpCommand(false);
        spec.versionProvider(new VersionProvider());
        for (OptionSpec o : List.copyOf(spec.options())) {
            if (o.inherited()) {
                spec.remove(o);
            }
        }
    }

    /** Runs the command, with a {@link ProgressBar} told of every file it reads when its --progress says so. */
    private static int withProgress(ParseResult parsed, PrintWriter err, boolean processStderr) {
        ParseResult last = parsed;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        OptionSpec option = last.commandSpec().findOption(ProgressOption.NAME);
        String when = option == null ? "never" : option.getValue();
        if (!ProgressOption.shown(when, processStderr)) {
            return new CommandLine.RunLast().execute(parsed);
        }
        try (ProgressBar bar = new ProgressBar(err, System::nanoTime);
             ReadMeter.Installed installed = PerfText.meter(bar)) {
            return new CommandLine.RunLast().execute(parsed);
        }
    }

    private static void documentExitCodes(CommandLine cmd) {
        cmd.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(EXIT_CODES);
        for (CommandLine sub : cmd.getSubcommands().values()) {
            documentExitCodes(sub);
        }
    }

    private static Map<String, String> exitCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("0", "success");
        codes.put("1", "internal error, a bug (the stack trace is printed); the Java heap ran out; or DuckDB's native library "
                + "cannot load (java.io.tmpdir not writable)");
        codes.put("2", "usage error: unknown option, bad value, invalid SQL");
        codes.put("3", "bad input: missing or unreadable file, not perf c2c output, empty or truncated file, "
                + "unusable store");
        return Collections.unmodifiableMap(codes);
    }
}

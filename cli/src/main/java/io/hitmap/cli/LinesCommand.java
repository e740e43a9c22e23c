// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import io.hitmap.analysis.ContendedLines;
import io.hitmap.analysis.HitmapDb;
import io.hitmap.analysis.RankedLine;
import io.hitmap.analysis.StatsOnlyCapture;
import io.hitmap.analysis.StatsOnlyCaptures;
import io.hitmap.report.LinesWriter;
import io.hitmap.report.StatsOnlyText;
import io.hitmap.report.TableFormat;
import io.hitmap.report.TerminalText;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hitmap lines}: captures -> their most contended cache lines, each with its top accessors. */
@Command(name = "lines", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Ranks the cache lines of each capture by HITM (or by peer snoops on Arm SPE captures, perf c2c -d peer) and shows "
                    + "who touches them: offset, code address, symbol, source:line, remote/local shares, store shares, "
                    + "mean load cycles, CPU count and NUMA nodes.",
            "A line's percentage is perf's own (of all HITMs of the run) when the capture has it, else its share "
                    + "of the lines listed in the file. Accessors are ordered by the samples they are estimated to "
                    + "contribute to the line: their remote, local and store shares times the line's counts."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  hitmap lines sample-traces/overlayfs-creds-before.c2c.txt",
            "  hitmap lines --top 3 --accessors 10 before.c2c.txt after.c2c.txt",
            "  hitmap lines --store c2c.duckdb --format csv > lines.csv",
            "  hitmap lines --lenient pasted-from-email.c2c.txt",
            "  ssh box perf c2c report --stdio -i perf.data | hitmap lines -"})
final class LinesCommand implements Callable<Integer> {
    @Mixin
    InputOptions input;

    @Option(names = {"-n", "--top"}, paramLabel = "N", defaultValue = "10",
            description = "Lines to show per capture (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = {"-a", "--accessors"}, paramLabel = "M", defaultValue = "5",
            description = "Accessors to show per line (default: ${DEFAULT-VALUE}).")
    int accessors;

    @Mixin
    FormatOption format;

    @ParentCommand
    HitmapCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String problem = input.problem(true);
        if (problem == null && top < 1) {
            problem = "--top must be at least 1, found " + top;
        }
        if (problem == null && accessors < 0) {
            problem = "--accessors must be 0 or more, found " + accessors;
        }
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), problem);
        }
        PrintWriter err = spec.commandLine().getErr();
        try (HitmapDb db = Inputs.open(input.files, input.store, root.lenient, err)) {
            List<RankedLine> lines = ContendedLines.rank(db, top, accessors);
            List<StatsOnlyCapture> statsOnly = StatsOnlyCaptures.list(db);
            String store = input.store == null ? null : input.store.toString();
            LinesWriter.write(lines, statsOnly, store, format.format, spec.commandLine().getOut());
            if (format.format == TableFormat.CSV) {
                // CSV holds lines only (text and JSON describe these captures); say on stderr what they hold
                for (StatsOnlyCapture c : statsOnly) {
                    err.print("hitmap: note: " + TerminalText.escape(StatsOnlyText.note(c, store)) + "\n");
                }
                err.flush();
            }
        }
        return 0;
    }
}

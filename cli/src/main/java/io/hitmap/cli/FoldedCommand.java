// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import io.hitmap.ingest.PerfParseException;
import io.hitmap.ingest.script.PerfScriptParser;
import io.hitmap.ingest.script.ScriptSummary;
import io.hitmap.report.FoldedStacks;
import io.hitmap.report.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hitmap folded}: perf script text -> folded stacks for flame graphs, one line per distinct stack. */
@Command(name = "folded", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Folds the call chains of 'perf script' output into one line per distinct stack, "
                    + "'comm;root;...;leaf count', sorted: the format of stackcollapse-perf.pl, which flamegraph.pl, "
                    + "inferno and speedscope read. The file streams through; memory grows with the distinct "
                    + "stacks, not with the samples.",
            "Frame names are tidied as stackcollapse-perf.pl does: offsets (+0x..) and argument lists dropped, "
                    + "[unknown] replaced by the dso's name in brackets, ';' in a name written as ':', blanks in "
                    + "the comm as '_'. With several events, only the first one (or --event) is folded."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  hitmap folded sample-traces/refbench-shared.perf-script.txt > refbench.folded",
            "  perf script -i perf.data | hitmap folded - | flamegraph.pl > flame.svg",
            "  hitmap folded --tid --kernel app.perf-script.txt | inferno-flamegraph > flame.svg",
            "  hitmap folded --event cycles --weight period app.perf-script.txt"})
final class FoldedCommand extends Subcommand {
    @Mixin
    ProgressOption progress;

    enum Weight { count, period }

    @Parameters(paramLabel = "FILE", arity = "1",
            description = "Text written by 'perf script' (with call chains: perf record -g); - reads standard input.")
    Path file;

    @Option(names = "--pid", description = "Add the process id to the comm: comm-PID (? when perf printed the tid only).")
    boolean pid;

    @Option(names = "--tid", description = "Add process and thread id to the comm: comm-PID/TID "
            + "(perf script -F comm,pid,tid,... prints both).")
    boolean tid;

    @Option(names = "--kernel", description = "Mark kernel frames ([kernel.kallsyms], modules) with _[k].")
    boolean kernel;

    @Option(names = "--event", paramLabel = "NAME", description = "Fold only the samples of this event, "
            + "as printed without its last colon (e.g. cpu-clock:ppp); default: the first event in the file.")
    String event;

    @Option(names = "--weight", paramLabel = "count|period", defaultValue = "count",
            description = "What a sample adds to its stack: 1 (count, default) or its period.")
    Weight weight;

    @Override
    public Integer call() throws Exception {
        Path f = Inputs.path(file);
        Inputs.requireReadableFile(f);
        FoldedStacks folded = new FoldedStacks(new FoldedStacks.Options(pid, tid, kernel, event, weight == Weight.period));
        ScriptSummary s;
        try {
            s = PerfScriptParser.parse(f, root.lenient, folded);
        } catch (IOException e) {
            throw Inputs.cannotRead(f, e);
        }
        PrintWriter err = spec.commandLine().getErr();
        Inputs.warn(f.toString(), s.warnings(), s.linesSkipped(), s.skippedLineNos(), err);
        if (folded.folded() == 0) {
            throw new PerfParseException(f.toString(), 0, "expected samples of event \"" + event + "\", found "
                    + events(folded.otherEvents()), "pass one of these to --event");
        }
        if (!folded.otherEvents().isEmpty()) {
            err.print("hitmap: warning: " + TerminalText.escape(f + ": folded event " + folded.event() + " only; left out "
                    + events(folded.otherEvents()) + "; pick one with --event NAME") + "\n");
            err.flush();
        }
        folded.write(spec.commandLine().getOut());
        return 0;
    }

    /** {@code cycles (120 samples), instructions (118 samples)}. */
    private static String events(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " (" + IngestCommand.count(e.getValue(), "sample") + ")")
                .collect(Collectors.joining(", "));
    }
}

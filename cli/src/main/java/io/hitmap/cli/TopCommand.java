// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import io.hitmap.analysis.HitmapDb;
import io.hitmap.analysis.HotSymbols;
import io.hitmap.analysis.ResultTable;
import io.hitmap.report.HotSymbolsWriter;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hitmap top}: perf report and perf script captures -> their hottest symbols. */
@Command(name = "top", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Lists the hottest symbols of each perf report: self share (Overhead, or Self with --children), "
                    + "total share with callees (Children, when the report has it) and samples (perf report -n), "
                    + "summed over the report's rows for the symbol, with the commands that ran it.",
            "From perf script output the same columns are counted from the samples: self = samples (weighed by "
                    + "period) whose leaf frame is the symbol, total = samples with the symbol anywhere in the "
                    + "stack, each as a share of all samples of the event.",
            "Reads the first event of a file with several unless --event names another."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  hitmap top sample-traces/refbench-shared.children.callgraph.txt",
            "  hitmap top sample-traces/refbench-shared.perf-script.txt",
            "  hitmap top --kernel --top 5 perf-report.txt",
            "  hitmap top --sort children --dso libc.so.6 --format csv perf-report.txt",
            "  hitmap top --store c2c.duckdb --event cpu-clock",
            "  perf report --stdio -i perf.data | hitmap top -"})
final class TopCommand extends Subcommand {
    @Mixin
    InputOptions input;

    @Option(names = {"-n", "--top"}, paramLabel = "N", defaultValue = "20",
            description = "Symbols to show per capture (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--sort", paramLabel = "KEY", defaultValue = "self",
            description = "Order by 'self' or 'children' (the share with callees; self when absent). Default: ${DEFAULT-VALUE}.")
    String sort;

    @Option(names = "--dso", paramLabel = "NAME", description = "Only symbols of this shared object (name or path).")
    String dso;

    @Option(names = "--comm", paramLabel = "NAME", description = "Only rows of this command.")
    String comm;

    @Option(names = {"-k", "--kernel"}, description = "Only kernel symbols ([k]).")
    boolean kernel;

    @Option(names = {"-u", "--user"}, description = "Only user-space symbols ([.]).")
    boolean user;

    @Option(names = {"-e", "--event"}, paramLabel = "EVENT",
            description = "The event's section to read, eg, cpu-clock or cycles:ppp (default: the first).")
    String event;

    @Mixin
    FormatOption format;

    @Override
    String problem() {
        String problem = input.problem(true);
        if (problem != null) {
            return problem;
        } else if (top < 1) {
            return "--top must be at least 1, found " + top;
        } else if (!sort.equals("self") && !sort.equals("children")) {
            return "--sort must be self or children, found '" + sort + "'";
        } else if (kernel && user) {
            return "give --kernel or --user, not both";
        }
        return null;
    }

    @Override
    public Integer call() throws Exception {
        checkOptions();
        PrintWriter err = spec.commandLine().getErr();
        HotSymbols.Filter filter = new HotSymbols.Filter(event, dso, comm, kernel ? Boolean.TRUE : user ? Boolean.FALSE : null);
        try (HitmapDb db = open(err)) {
            ResultTable t = HotSymbols.top(db, filter, sort.equals("children"), top);
            if (t.rows().isEmpty()) {
                err.print("hitmap: note: no symbols" + (filter.equals(HotSymbols.Filter.NONE) ? "" : " match the filters")
                        + (input.store == null ? "" : "; the store holds no perf report or perf script capture?") + "\n");
                err.flush();
            }
            HotSymbolsWriter.write(t, sort, format.format, spec.commandLine().getOut());
        }
        return 0;
    }

    private HitmapDb open(PrintWriter err) throws Exception {
        return Inputs.open(input.files, input.store, root.lenient, CaptureFile.Accept.PERF_REPORT_OR_SCRIPT, err);
    }
}

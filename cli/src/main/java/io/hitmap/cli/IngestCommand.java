// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import io.hitmap.analysis.HitmapDb;
import io.hitmap.ingest.c2c.C2cCapture;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hitmap ingest}: capture files -> new captures in a {@code .duckdb} store, one summary line each. */
@Command(name = "ingest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Parses each FILE and adds it to the store as a new capture, so 'lines' and 'query' can read it "
                    + "later with --store. All files are parsed before the store is written."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  hitmap ingest sample-traces/overlayfs-creds-before.c2c.txt --store c2c.duckdb",
            "  hitmap ingest --lenient *.c2c.txt --store c2c.duckdb",
            "  hitmap lines --store c2c.duckdb"})
final class IngestCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "Text written by 'perf c2c report --stdio'; each file becomes one capture.")
    List<Path> files;

    @Option(names = {"-s", "--store"}, paramLabel = "S", required = true,
            description = "The .duckdb store to add to; created when missing.")
    Path store;

    @ParentCommand
    HitmapCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<C2cCapture> captures = Inputs.parseAll(files, root.lenient, spec.commandLine().getErr());
        try (HitmapDb db = Inputs.openStore(store, false)) {
            for (int i = 0; i < captures.size(); i++) {
                C2cCapture c = captures.get(i);
                int id = db.addCapture(c);
                out.print(summary(files.get(i).toString(), id, c) + "\n");
                out.flush();
            }
        }
        return 0;
    }

    /** {@code FILE: capture 3, 42 lines, 310 accessors (1234 lines read: 1180 used, 50 structural, 4 skipped)}. */
    static String summary(String file, int captureId, C2cCapture c) {
        return file + ": capture " + captureId + ", " + c.lines().size() + " lines, " + c.accesses().size()
                + " accessors (" + c.linesRead() + " lines read: " + c.linesUsed() + " used, "
                + c.linesStructural() + " structural, " + c.linesSkipped() + " skipped)";
    }
}

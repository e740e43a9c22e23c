// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code FILE...} / {@code --store S} choice of the commands that read captures, and {@code --progress}. */
final class InputOptions {
    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "Capture files (the perf text this command reads, see above); each file is one capture; "
                    + "- reads standard input.")
    List<Path> files = new ArrayList<>();

    @Option(names = {"-s", "--store"}, paramLabel = "S",
            description = "Read the captures in this .duckdb store (written by 'hitmap ingest') instead of files.")
    Path store;

    @Mixin
    ProgressOption progress;

    /** A usage problem with the choice, or null when it is fine. */
    String problem(boolean inputRequired) {
        if (store != null && !files.isEmpty()) {
            return "give FILE... or --store S, not both";
        }
        if (inputRequired && store == null && files.isEmpty()) {
            return "missing input: give FILE... or --store S";
        }
        return null;
    }
}

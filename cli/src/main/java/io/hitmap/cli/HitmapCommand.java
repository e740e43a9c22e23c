// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete.GenerateCompletion;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root {@code hitmap} command: its subcommands and the options every subcommand inherits. */
@Command(name = "hitmap", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Finds the contended cache lines in 'perf c2c report --stdio' output: which lines "
                + "bounce, between which functions and source lines, local vs remote HITM, and why (refcount, "
                + "lock, true or false sharing); compares captures before and after a patch; reads 'perf report' "
                + "and 'perf script' profiles too (hotspots, folded stacks, lines costed by CPU time).",
        subcommands = {LinesCommand.class, DiffCommand.class, ReportCommand.class, TopCommand.class,
                FoldedCommand.class, QueryCommand.class, IngestCommand.class, ExportCommand.class, SimCommand.class,
                WhatifCommand.class,
                HelpCommand.class,
                GenerateCompletion.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  hitmap lines sample-traces/overlayfs-creds-before.c2c.txt",
            "  hitmap diff sample-traces/overlayfs-creds-before.c2c.txt sample-traces/overlayfs-creds-after.c2c.txt",
            "  hitmap top sample-traces/refbench-shared.perf-script.txt",
            "  hitmap folded sample-traces/refbench-shared.perf-script.txt > refbench.folded",
            "  hitmap ingest before.c2c.txt after.c2c.txt --store c2c.duckdb",
            "  hitmap lines --store c2c.duckdb --top 3 --format json",
            "  hitmap query --store c2c.duckdb --sql \"select * from captures\"",
            "  hitmap export --parquet out/ --store c2c.duckdb",
            "  hitmap sim --scenario nginx-apparmor --strategies all --cpus 16,32,48,96,192",
            "  hitmap whatif sample-traces/overlayfs-creds-before.c2c.txt --strategy no-ref --topology spr-8480-2s",
            "  export PATH=\"$PWD/bin:$PATH\"; source <(hitmap generate-completion)   # in a checkout: bash/zsh completion"})
final class HitmapCommand implements Callable<Integer> {
    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print stack traces with error messages.")
    boolean debug;

    @Option(names = "--lenient", scope = ScopeType.INHERIT,
            description = "Skip input lines that do not parse instead of stopping at the first; "
                    + "a warning says how many were skipped and where.")
    boolean lenient;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(),
                "missing command: lines, diff, report, top, folded, query, ingest, export, sim or whatif");
    }
}

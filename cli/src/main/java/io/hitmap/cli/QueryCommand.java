// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import io.hitmap.analysis.HitmapDb;
import io.hitmap.analysis.ResultTable;
import io.hitmap.analysis.StoreException;
import io.hitmap.ingest.arrow.HitmapTables;
import io.hitmap.report.ResultTableWriter;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hitmap query}: captures and SQL -> the result table of its last statement. */
@Command(name = "query", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Runs DuckDB SQL over the captures and prints the result of the last statement; statements "
                    + "separated by ';' all run, in order (e.g. 'create temp view ...; select ...'). A FILE may hold "
                    + "perf c2c report, perf report or perf script text, each read by its own parser. Tables: captures; "
                    + "c2c_lines, c2c_accesses, c2c_summary, c2c_callgraph; profile_sections, profile_entries, "
                    + "profile_callchains, machine, machine_header; samples, sample_stacks and the view sample_frames; "
                    + "every row carries "
                    + "capture_id (ingest/SCHEMA.md).",
            "A --store is opened read-only: temporary tables and views work, changes to the store do not."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  hitmap query sample-traces/overlayfs-creds-before.c2c.txt \\",
            "      --sql \"select symbol, sum(rmt_hitm_pct) from c2c_accesses group by 1\"",
            "  hitmap query --store c2c.duckdb --format json --sql \"select * from captures\"",
            "  hitmap query sample-traces/webref-children-graph.perf-report.txt \\",
            "      --sql \"select symbol, self, children from profile_entries order by self desc limit 5\"",
            "  hitmap query app.perf-script.txt --sql \"select comm, count(*) from samples group by 1 order by 2 desc\"",
            "  hitmap query --store c2c.duckdb --sql \"create temp view hot as select * from c2c_lines where tot_hitm > 100; \\",
            "      select capture_id, count(*) from hot group by 1\""})
final class QueryCommand extends Subcommand {
    // eg, "Invalid Input Error: Attempting to execute an unsuccessful or closed pending query result\nError: Catalog Error: ..."
    private static final String PENDING_WRAPPER = "Invalid Input Error: Attempting to execute an unsuccessful";
    // eg, "\n\nLINE 1: select * from nope\n                      ^"
    private static final Pattern CARET = Pattern.compile("\\s*\\bLINE \\d+:");
    // eg, Cannot execute statement of type "DROP" on database "s" which is attached in read-only mode!
    private static final Pattern READ_ONLY = Pattern.compile(
            "statement of type \"(?<type>[^\"]+)\" on database .* attached in read-only mode");

    @Mixin
    InputOptions input;

    @Option(names = {"-q", "--sql"}, paramLabel = "SQL", required = true,
            description = "The SQL to run (DuckDB dialect): one statement, or several separated by ';' of which "
                    + "the last one's result is printed.")
    String sql;

    @Mixin
    FormatOption format;

    @Override
    String problem() {
        return input.problem(false);
    }

    @Override
    public Integer call() throws Exception {
        checkOptions();
        try (HitmapDb db = Inputs.open(input.files, input.store, root.lenient, CaptureFile.Accept.ANY,
                spec.commandLine().getErr())) {
            ResultTable result;
            try {
                result = db.query(sql);
            } catch (StoreException e) {
                throw e;
            } catch (SQLException e) {
                Matcher readOnly = READ_ONLY.matcher(String.valueOf(e.getMessage()));
                if (readOnly.find() && input.store != null) {
                    throw CommandFailure.usage(input.store + ": " + readOnly.group("type") + " refused: the store "
                            + "is opened read-only by 'query'; captures are added with 'hitmap ingest'", null, e);
                }
                throw CommandFailure.usage("invalid SQL: " + sqlError(e.getMessage()),
                        "tables: " + String.join(", ", HitmapTables.TABLES.keySet()) + "; views: "
                                + String.join(", ", HitmapTables.VIEWS.keySet())
                                + "; list columns with --sql \"describe c2c_lines\"", e);
            }
            ResultTableWriter.write(result, format.format, spec.commandLine().getOut());
        }
        return 0;
    }

    /**
     * DuckDB's message on one line: without the wrapper duckdb_jdbc 1.5 puts around errors of
     * prepared queries, and without the {@code LINE 1: ... ^} drawing, which only works on two lines.
     */
    static String sqlError(String raw) {
        String m = raw == null ? "" : raw;
        int inner = m.indexOf("Error: ", PENDING_WRAPPER.length());
        if (m.startsWith(PENDING_WRAPPER) && inner >= 0) {
            m = m.substring(inner + "Error: ".length());
        }
        Matcher caret = CARET.matcher(m);
        if (caret.find()) {
            m = m.substring(0, caret.start());
        }
        return ErrorReporter.oneLine(m);
    }
}

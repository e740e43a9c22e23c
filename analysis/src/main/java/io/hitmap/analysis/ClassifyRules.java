// SPDX-License-Identifier: Apache-2.0
package io.hitmap.analysis;

import io.hitmap.ingest.PerfParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The classification rules and remedies as data: {@code classify-rules.tsv} and
 * {@code classify-remedies.tsv} next to this class, plus any rules file a user adds, loaded into the
 * temp tables {@code hitmap_rules(kind, field, pattern, meaning, origin)} and
 * {@code hitmap_remedies(class, remedy)} that views/classify.sql reads.
 * <pre>
 * # kind   field   pattern                                 meaning
 * refcount symbol  ^(kref_(get|put))$                      kref get/put
 * </pre>
 */
public final class ClassifyRules {
    static final String RULES = "classify-rules.tsv";
    static final String REMEDIES = "classify-remedies.tsv";
    private static final Set<String> KINDS = Set.of("refcount", "atomic", "lock");
    private static final Set<String> FIELDS = Set.of("symbol", "source", "object");

    /** One rule and where it came from ({@code file:line}). */
    record Rule(String kind, String field, String pattern, String meaning, String origin) {
    }

    private ClassifyRules() {
    }

    /** Creates the two tables with the built-in rules and remedies (every connection: they are temporary). */
    static void install(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE hitmap_rules (kind VARCHAR, field VARCHAR, pattern VARCHAR, "
                    + "meaning VARCHAR, origin VARCHAR)");
            st.execute("CREATE OR REPLACE TEMP TABLE hitmap_remedies (class VARCHAR, remedy VARCHAR, sim_command VARCHAR)");
        }
        try {
            insert(conn, parse(RULES, ContendedLines.resource(RULES)));
        } catch (PerfParseException e) {
            throw new IllegalStateException("built-in " + e.getMessage(), e);
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO hitmap_remedies VALUES (?, ?, ?)")) {
            for (String line : ContendedLines.resource(REMEDIES).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                ps.setString(1, f[0].strip());
                ps.setString(2, f[1].strip());
                ps.setString(3, f.length > 2 && !f[2].isBlank() ? f[2].strip() : null);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Adds a user's rules file (same format as the built-in one) to the rules of this database.
     * A bad line fails the whole file: {@code FILE:LINE: expected ..., found ...}.
     */
    public static int add(HitmapDb db, Path file) throws IOException, PerfParseException, SQLException {
        List<Rule> rules = parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        Connection conn = db.connection();
        for (Rule r : rules) { // let DuckDB's own regex engine (RE2) judge the pattern
            try (PreparedStatement ps = conn.prepareStatement("SELECT regexp_matches('', ?)")) {
                ps.setString(1, r.pattern());
                ps.executeQuery().close();
            } catch (SQLException e) {
                int colon = r.origin().lastIndexOf(':');
                throw new PerfParseException(file.toString(), Integer.parseInt(r.origin().substring(colon + 1)),
                        "expected a regular expression (RE2), found \"" + r.pattern() + "\": "
                                + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), "RE2 has no backreferences or lookaround");
            }
        }
        insert(conn, rules);
        return rules.size();
    }

    static List<Rule> parse(String name, String text) throws PerfParseException {
        List<Rule> rules = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 4 || !KINDS.contains(f[0].strip()) || !FIELDS.contains(f[1].strip()) || f[2].isEmpty()) {
                throw new PerfParseException(name, i + 1, "expected \"kind<TAB>field<TAB>pattern<TAB>meaning\" with kind "
                        + "refcount|atomic|lock and field symbol|source|object, found " + PerfParseException.quote(line),
                        "separate the four fields with one TAB each; lines starting with # are comments");
            }
            rules.add(new Rule(f[0].strip(), f[1].strip(), f[2], f[3].strip(), name + ":" + (i + 1)));
        }
        return rules;
    }

    private static void insert(Connection conn, List<Rule> rules) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO hitmap_rules VALUES (?, ?, ?, ?, ?)")) {
            for (Rule r : rules) {
                ps.setString(1, r.kind());
                ps.setString(2, r.field());
                ps.setString(3, r.pattern());
                ps.setString(4, r.meaning());
                ps.setString(5, r.origin());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}

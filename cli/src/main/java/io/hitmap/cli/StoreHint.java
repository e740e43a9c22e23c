// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import io.hitmap.analysis.StoreException;
import io.hitmap.report.StatsOnlyText;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A {@link StoreException} -> the {@code hitmap: hint:} for it, or null. StoreException carries only
 * its message, {@code STORE: PROBLEM}, so the hint is chosen by how the problem starts (the
 * phrases analysis writes), and the function is given the store's name.
 */
final class StoreHint {
    private static final Map<String, UnaryOperator<String>> BY_PROBLEM = byProblem();

    private StoreHint() {
    }

    /** {@code list them with: hitmap query --store S --sql "select capture_id, kind, path from captures"}; null without a store. */
    static String listCaptures(Path store) {
        return store == null ? null
                : "list them with: hitmap query --store " + store + " --sql \"select capture_id, kind, path from captures\"";
    }

    static String of(StoreException e) {
        String message = String.valueOf(e.getMessage());
        for (Map.Entry<String, UnaryOperator<String>> h : BY_PROBLEM.entrySet()) {
            int at = message.indexOf(": " + h.getKey());
            if (at >= 0) {
                return h.getValue().apply(message.substring(0, at));
            }
        }
        return null;
    }

    private static Map<String, UnaryOperator<String>> byProblem() {
        Map<String, UnaryOperator<String>> m = new LinkedHashMap<>();
        m.put("no such store", s -> "create one with: hitmap ingest FILE --store " + StatsOnlyText.shellWord(s));
        m.put("store has a newer schema_version", s -> "open it with the hitmap that wrote it, or ingest the captures"
                + " again into a new store");
        m.put("store has schema_version", s -> "ingest the captures again into a new store");
        m.put("damaged hitmap store", s -> "ingest the captures again into a new store");
        m.put("store is in use by another process", s -> "wait for the other hitmap to finish");
        m.put("not a hitmap store", s -> "pass a store written by 'hitmap ingest'");
        m.put("is a directory, not a store", s -> "pass the store's .duckdb file, e.g. --store "
                + StatsOnlyText.shellWord(s + "/c2c.duckdb"));
        m.put("cannot create the store", s -> "create that directory first, or pass a store in an existing one");
        m.put("cannot open the store: permission denied", s -> "check its permissions: ls -l "
                + StatsOnlyText.shellWord(s));
        return m;
    }
}

// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.hitmap.ingest.PerfParseException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of {@code hitmap sim --format json} -> its rows, for the report's scaling curves and
 * memory table. <pre>
 * [
 *   {
 *     "strategy": "kref",
 *     "cpus": 16,
 *     "l3_domains": 1,
 *     "mops": 0.248,
 *     "eff": 100.0,
 *     ...
 * </pre>
 * Fields the report does not draw are skipped, so newer sim output still reads; a missing field,
 * a field of the wrong type or anything but an array of objects stops with its line.
 */
public record SimResults(String path, List<Row> rows) {
    /** One strategy at one CPU count. */
    public record Row(String strategy, int cpus, int l3Domains, double mops, double eff, double lclHitmPerOp,
                      double rmtHitmPerOp, double casRetries, long bytesPerObject, long memoryBytes) {
    }

    static final List<String> FIELDS = List.of("strategy", "cpus", "l3_domains", "mops", "eff", "lcl_hitm_per_op",
            "rmt_hitm_per_op", "cas_retries", "bytes_per_object", "memory_bytes");
    private static final String HINT = "the file should be the output of "
            + "'hitmap sim --scenario NAME --strategies all --cpus 16,32,48,96,192 --format json'";
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

    public static SimResults read(Path file) throws IOException, PerfParseException {
        String name = file.toString();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             JsonParser p = FACTORY.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_ARRAY) {
                throw error(name, p, "a JSON array of sim rows", t == null ? "an empty file" : found(p));
            }
            List<Row> rows = new ArrayList<>();
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.START_OBJECT) {
                    throw error(name, p, "an object for each row", t == null ? "the end of the file" : found(p));
                }
                rows.add(row(name, p));
            }
            if (rows.isEmpty()) {
                throw error(name, p, "at least one sim row", "an empty array");
            }
            if (p.nextToken() != null) {
                throw error(name, p, "the end of the file after the array", found(p));
            }
            return new SimResults(name, List.copyOf(rows));
        } catch (JsonParseException e) {
            throw new PerfParseException(name, e.getLocation().getLineNr(),
                    "expected JSON, found " + e.getOriginalMessage().lines().findFirst().orElse("?"), HINT);
        }
    }

    /** The {@code sim} field of the report's JSON: the rows as arrays of {@code fields} (fifty at most: no string table); null for none. */
    static void write(JsonGenerator g, SimResults sim) throws IOException {
        if (sim == null) {
            g.writeNullField("sim");
            return;
        }
        g.writeObjectFieldStart("sim");
        g.writeStringField("path", sim.path());
        g.writeArrayFieldStart("fields");
        for (String f : FIELDS) {
            g.writeString(f);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("rows");
        for (Row r : sim.rows()) {
            g.writeStartArray();
            g.writeString(r.strategy());
            g.writeNumber(r.cpus());
            g.writeNumber(r.l3Domains());
            g.writeNumber(r.mops());
            g.writeNumber(r.eff());
            g.writeNumber(r.lclHitmPerOp());
            g.writeNumber(r.rmtHitmPerOp());
            g.writeNumber(r.casRetries());
            g.writeNumber(r.bytesPerObject());
            g.writeNumber(r.memoryBytes());
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static Row row(String name, JsonParser p) throws IOException, PerfParseException {
        int line = p.currentLocation().getLineNr();
        Map<String, Object> v = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            if (!FIELDS.contains(field)) {
                p.skipChildren();
            } else if (field.equals("strategy") ? t != JsonToken.VALUE_STRING : !t.isNumeric()) {
                throw error(name, p, (field.equals("strategy") ? "a string" : "a number") + " for \"" + field + "\"", found(p));
            } else {
                v.put(field, field.equals("strategy") ? p.getText() : p.getNumberValue());
            }
        }
        for (String f : FIELDS) {
            if (!v.containsKey(f)) {
                throw new PerfParseException(name, line, "expected field \"" + f + "\" in the row, found none", HINT);
            }
        }
        return new Row((String) v.get("strategy"), num(v, "cpus").intValue(), num(v, "l3_domains").intValue(),
                num(v, "mops").doubleValue(), num(v, "eff").doubleValue(), num(v, "lcl_hitm_per_op").doubleValue(),
                num(v, "rmt_hitm_per_op").doubleValue(), num(v, "cas_retries").doubleValue(),
                num(v, "bytes_per_object").longValue(), num(v, "memory_bytes").longValue());
    }

    private static Number num(Map<String, Object> v, String field) {
        return (Number) v.get(field);
    }

    private static String found(JsonParser p) throws IOException {
        return PerfParseException.quote(p.getText());
    }

    private static PerfParseException error(String name, JsonParser p, String expected, String found) {
        return new PerfParseException(name, p.currentLocation().getLineNr(), "expected " + expected + ", found " + found, HINT);
    }
}

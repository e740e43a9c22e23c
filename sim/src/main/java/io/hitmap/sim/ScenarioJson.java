// SPDX-License-Identifier: Apache-2.0
package io.hitmap.sim;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A scenario JSON file (format: sim/SCENARIOS.md) or a preset name -> {@link Scenario}. */
public final class ScenarioJson {
    /** Built-in scenarios, each a JSON file under this package's resources. */
    public static final List<String> PRESETS = List.of("nginx-apparmor", "overlayfs-creds", "zswap-memcg-lru",
            "lookup-lock-vs-rcu", "mass-teardown");

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ScenarioJson() {
    }

    /** A preset name, or else a path to a JSON file. */
    public static Scenario load(String nameOrPath) throws IOException {
        if (PRESETS.contains(nameOrPath)) {
            try (InputStream in = ScenarioJson.class.getResourceAsStream(nameOrPath + ".json")) {
                return parse(in.readAllBytes(), nameOrPath + ".json");
            }
        }
        Path p = Path.of(nameOrPath);
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("no scenario '" + nameOrPath + "': not a preset ("
                    + String.join(", ", PRESETS) + ") nor a file");
        }
        return parse(Files.readAllBytes(p), p.toString());
    }

    static Scenario parse(byte[] json, String where) {
        try {
            return JSON.readValue(json, Scenario.class);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String line = loc == null ? "" : ":" + loc.getLineNr();
            if (e instanceof UnrecognizedPropertyException u) {
                // records bind through their constructor, so Jackson reports the object's end; find the key
                line = ":" + lineOf(new String(json, StandardCharsets.UTF_8), "\"" + u.getPropertyName() + "\"");
            }
            String msg = e.getOriginalMessage();
            throw new IllegalArgumentException(where + line + ": " + firstLine(msg));
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    private static int lineOf(String text, String key) {
        int at = text.indexOf(key);
        return at < 0 ? 1 : (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}

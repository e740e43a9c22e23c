// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlTemplateTest {
    private static final HtmlTemplate T = HtmlTemplate.of("t.html",
            "<title>/*title:*/hitmap</title><meta content=\"script-src /*src:*/'none'; x\"><script>/*js:*/</script>");

    @Test
    void replacesEachMarkerAndItsDefault() {
        assertEquals("<title>A &amp; B</title><meta content=\"script-src 'sha256-x'; x\"><script>go()</script>",
                T.fill(Map.of("title", "A &amp; B", "src", "'sha256-x'", "js", "go()")));
    }

    @Test
    void rejectsAMissingValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> T.fill(Map.of("title", "t", "src", "s")));
        assertEquals("t.html: no value for marker js", e.getMessage());
    }

    @Test
    void rejectsAValueWithoutMarker() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> T.fill(Map.of("title", "t", "src", "s", "js", "j", "css", "c")));
        assertEquals("t.html: no marker for css", e.getMessage());
    }

    @Test
    void valuesAreNotScannedForMarkers() {
        assertEquals("<title>/*js:*/</title><meta content=\"script-src a; x\"><script>b</script>",
                T.fill(Map.of("title", "/*js:*/", "src", "a", "js", "b")));
    }
}

// SPDX-License-Identifier: Apache-2.0
package io.hitmap.report;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test class whose tests share one {@link Browser}, started before the first and closed after the last. */
abstract class InBrowser {
    static Browser browser;

    @BeforeAll
    static void startChromium() throws IOException {
        browser = new Browser();
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}

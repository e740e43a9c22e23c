// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The Maven-filtered {@code version.properties} (or the jar's Implementation-Version) -> {@code --version} lines. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "hitmap " + version(),
            "JVM: " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + " "
                    + System.getProperty("java.vm.name") + ")",
            "OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                    + System.getProperty("os.arch")};
    }

    static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "");
                if (!v.isBlank() && !v.contains("${")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through to the manifest
        }
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return v != null ? v : "unknown";
    }
}

// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --progress=auto|always|never} of the commands that read capture files: whether a
 * {@link ProgressBar} is drawn on stderr. {@code auto} draws it only when stderr is a terminal.
 */
final class ProgressOption {
    static final String NAME = "--progress";
    private static final List<String> WHEN = List.of("auto", "always", "never");

    @Option(names = NAME, paramLabel = "WHEN", defaultValue = "auto", converter = When.class,
            completionCandidates = When.class,
            description = "Show bytes read, rate and time left for each input file on stderr: auto (when stderr is "
                    + "a terminal), always or never (default: ${DEFAULT-VALUE}).")
    String when;

    /** The three values, for picocli's conversion and completion. */
    static final class When implements ITypeConverter<String>, Iterable<String> {
        @Override
        public String convert(String value) {
            if (!WHEN.contains(value)) {
                throw new TypeConversionException("expected auto, always or never, found '" + value + "'");
            }
            return value;
        }

        @Override
        public Iterator<String> iterator() {
            return WHEN.iterator();
        }
    }

    /** Whether to draw for {@code when} ({@code auto}, {@code always}, {@code never}). */
    static boolean shown(String when, boolean stderrIsProcessStderr) {
        return when.equals("always") || (when.equals("auto") && stderrIsProcessStderr && stderrIsTerminal());
    }

    /**
     * Java cannot ask isatty(2) (System.console() tells about stdin and stdout), so on Linux read
     * where file descriptor 2 points: a terminal is /dev/pts/N or /dev/ttyN. Elsewhere fall back
     * to System.console(). TERM=dumb (an editor's shell buffer) gets no bar.
     */
    static boolean stderrIsTerminal() {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        Path fd2 = Path.of("/proc/self/fd/2");
        try {
            String target = Files.readSymbolicLink(fd2).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}

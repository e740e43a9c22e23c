// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import io.hitmap.report.TableFormat;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The {@code --format text|json|csv} option shared by the commands that print tables. */
final class FormatOption {
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            converter = Converter.class, completionCandidates = Candidates.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    TableFormat format;

    static final class Converter implements ITypeConverter<TableFormat> {
        @Override
        public TableFormat convert(String value) {
            try {
                return TableFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class Candidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("text", "json", "csv").iterator();
        }
    }
}

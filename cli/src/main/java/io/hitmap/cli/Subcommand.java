// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every hitmap subcommand gets from picocli: the root's inherited options and its own spec. */
abstract class Subcommand implements Callable<Integer> {
    @ParentCommand
    HitmapCommand root;

    @Spec
    CommandSpec spec;

    /** What is wrong with the options as given (a usage error), or null; checked by {@link #checkOptions()}. */
    String problem() {
        return null;
    }

    /** Throws {@link #problem()} as picocli's usage error (exit 2, with the command's usage hint). */
    final void checkOptions() {
        String problem = problem();
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), problem);
        }
    }
}

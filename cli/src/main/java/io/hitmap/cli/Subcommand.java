// SPDX-License-Identifier: Apache-2.0
package io.hitmap.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every hitmap subcommand gets from picocli: the root's inherited options and its own spec. */
abstract class Subcommand implements Callable<Integer> {
    @ParentCommand
    HitmapCommand root;

    @Spec
    CommandSpec spec;
}

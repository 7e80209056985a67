/** What the benchmark CLIs share: reading their {@code --name=value} options. */
@NullMarked
package dev.switchboard.benchmarks.cli;

import org.jspecify.annotations.NullMarked;

/**
 * The command-line client ({@code scripts/solve.sh}): solves a TSP problem through the suite's {@code tsp.solve},
 * with a progress bar on stderr and the result on stdout. Plain Java on the WAMP client and tsp-core, no Spring
 * context.
 */
@NullMarked
package dev.switchboard.cli;

import org.jspecify.annotations.NullMarked;

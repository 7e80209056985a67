/** Problems: the TSPLIB catalogue, how {@code tsp.solve} names a problem, and problem ids. */
@NullMarked
package dev.switchboard.orchestrator.problem;

import org.jspecify.annotations.NullMarked;

/**
 * What a newly opened dashboard needs at once: a bounded memory of the last minutes of compute load and runs, fed
 * by the TSP topics and offered as {@code tsp.ui.history}.
 */
@NullMarked
package dev.switchboard.ui.history;

import org.jspecify.annotations.NullMarked;

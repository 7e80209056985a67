/** The travelling-salesman domain: problems, tours, TSPLIB and the annealing kernel. */
@NullMarked
package dev.switchboard.tsp;

import org.jspecify.annotations.NullMarked;

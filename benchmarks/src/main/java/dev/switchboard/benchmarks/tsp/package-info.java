/** JMH benchmarks and a quality check for the TSP annealing kernel. */
@NullMarked
package dev.switchboard.benchmarks.tsp;

import org.jspecify.annotations.NullMarked;

/**
 * JMH benchmarks and a quality check for the TSP annealing kernel, and the solver benchmarked through the whole suite
 * as processes ({@link dev.switchboard.benchmarks.tsp.SuiteBenchmark}).
 */
@NullMarked
package dev.switchboard.benchmarks.tsp;

import org.jspecify.annotations.NullMarked;

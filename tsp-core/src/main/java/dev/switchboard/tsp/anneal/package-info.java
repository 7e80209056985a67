/**
 * The simulated-annealing kernel: per-problem data shared by all calls (distances, neighbour lists), start tours,
 * and time-driven annealing calls with 2-opt and Or-opt neighbour-list moves.
 */
@NullMarked
package dev.switchboard.tsp.anneal;

import org.jspecify.annotations.NullMarked;

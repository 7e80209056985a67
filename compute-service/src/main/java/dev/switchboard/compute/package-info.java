/** A TSP compute instance: serves tsp.compute.anneal with the annealing kernel. */
@NullMarked
package dev.switchboard.compute;

import org.jspecify.annotations.NullMarked;

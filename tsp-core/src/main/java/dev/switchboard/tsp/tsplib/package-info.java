/** Reading TSPLIB problem ({@code .tsp}) and tour ({@code .tour}) files into the domain model. */
@NullMarked
package dev.switchboard.tsp.tsplib;

import org.jspecify.annotations.NullMarked;

/** The Java client's cost per call against the local router ({@link ClientOverhead}). */
@NullMarked
package dev.switchboard.benchmarks.client;

import org.jspecify.annotations.NullMarked;

/**
 * Runs: the queue of solve requests, the epoch loop that keeps every compute slot busy, the strategies that combine
 * the compute instances' results, and each run's observable state.
 */
@NullMarked
package dev.switchboard.orchestrator.run;

import org.jspecify.annotations.NullMarked;

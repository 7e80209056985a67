/** The TSP orchestrator: solve requests, run control and work distribution. */
@NullMarked
package dev.switchboard.orchestrator;

import org.jspecify.annotations.NullMarked;

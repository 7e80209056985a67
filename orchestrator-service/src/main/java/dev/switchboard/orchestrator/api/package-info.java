/** The TSP API over WAMP: the orchestrator's procedures and the run topics it publishes. */
@NullMarked
package dev.switchboard.orchestrator.api;

import org.jspecify.annotations.NullMarked;

/** The TSP API's WAMP URIs and payload records, free of any WAMP or JSON library (apps map them). */
@NullMarked
package dev.switchboard.tsp.api;

import org.jspecify.annotations.NullMarked;

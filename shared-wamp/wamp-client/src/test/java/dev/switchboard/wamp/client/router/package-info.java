/** Running the real router for the client's integration tests. */
@NullMarked
package dev.switchboard.wamp.client.router;

import org.jspecify.annotations.NullMarked;

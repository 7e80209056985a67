/** A command-line benchmark of the client's cost per call against the real router (not run by the build). */
@NullMarked
package dev.switchboard.wamp.client.bench;

import org.jspecify.annotations.NullMarked;

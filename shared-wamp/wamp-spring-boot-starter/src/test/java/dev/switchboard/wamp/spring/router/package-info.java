/** Running the real router, from its packaged jar, for the starter's integration tests. */
@NullMarked
package dev.switchboard.wamp.spring.router;

import org.jspecify.annotations.NullMarked;

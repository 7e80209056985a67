/**
 * Operating the WAMP client: a health indicator for the router connection, Micrometer metrics of calls, invocations,
 * events and reconnects, and the load publisher that reports the application's CPU and memory load on a topic.
 */
@NullMarked
package dev.switchboard.wamp.spring.actuate;

import org.jspecify.annotations.NullMarked;

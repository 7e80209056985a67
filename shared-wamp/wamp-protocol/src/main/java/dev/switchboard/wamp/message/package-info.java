/**
 * The WAMP messages as immutable records, with the typed options and details the router and client act on.
 */
@NullMarked
package dev.switchboard.wamp.message;

import org.jspecify.annotations.NullMarked;

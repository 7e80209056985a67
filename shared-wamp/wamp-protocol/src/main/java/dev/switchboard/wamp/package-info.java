/**
 * The WAMP v2 protocol model shared by router and client: URIs, ids, and the standard error and close reasons.
 */
@NullMarked
package dev.switchboard.wamp;

import org.jspecify.annotations.NullMarked;

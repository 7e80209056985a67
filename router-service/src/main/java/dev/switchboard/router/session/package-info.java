/**
 * WAMP sessions: the contract between transports and sessions, the opening handshake and session details.
 */
@NullMarked
package dev.switchboard.router.session;

import org.jspecify.annotations.NullMarked;

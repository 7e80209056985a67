/**
 * The router's transports, WebSocket (on the WebFlux server) and RawSocket (on its own TCP port): the only package
 * that knows Netty and WebFlux; it hands each connection to the session layer as a
 * {@link dev.switchboard.router.session.Connection}.
 */
@NullMarked
package dev.switchboard.router.transport;

import org.jspecify.annotations.NullMarked;

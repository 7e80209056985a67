/**
 * The client's implementation, not API: the connection state machine ({@link
 * dev.switchboard.wamp.client.internal.RealWampClient}), one WAMP session per connection
 * ({@link dev.switchboard.wamp.client.internal.Session}) with its caller, callee and subscriber parts, and the
 * WebSocket transport on Spring's {@code WebSocketClient}. The transport's threads only decode and dispatch: they
 * never run handlers, complete user futures or write.
 */
@NullMarked
package dev.switchboard.wamp.client.internal;

import org.jspecify.annotations.NullMarked;

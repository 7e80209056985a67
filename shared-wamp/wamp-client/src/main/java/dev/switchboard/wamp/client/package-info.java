/** A Java WAMP client: sessions over WebSocket, RPC and PubSub with futures. */
@NullMarked
package dev.switchboard.wamp.client;

import org.jspecify.annotations.NullMarked;

/**
 * A Java WAMP client: sessions over WebSocket, RPC and PubSub with futures. Start with
 * {@link dev.switchboard.wamp.client.WampClient#builder(java.net.URI, String)}; everything else of this package is what
 * its methods take and return. The implementation lives in {@code …client.internal} and is not API.
 */
@NullMarked
package dev.switchboard.wamp.client;

import org.jspecify.annotations.NullMarked;

package dev.switchboard.wamp.spring.endpoint;

import dev.switchboard.wamp.client.EventHandler;
import dev.switchboard.wamp.client.InvocationHandler;
import dev.switchboard.wamp.message.RegisterOptions;
import dev.switchboard.wamp.message.SubscribeOptions;

/** A procedure or subscription the application holds in every session. */
public sealed interface WampEndpoint {

    /** The procedure or topic URI. */
    String uri();

    /** A procedure to register. */
    record Procedure(String uri, RegisterOptions options, InvocationHandler handler) implements WampEndpoint {
    }

    /** A topic to subscribe to. */
    record Subscriber(String uri, SubscribeOptions options, EventHandler handler) implements WampEndpoint {
    }
}

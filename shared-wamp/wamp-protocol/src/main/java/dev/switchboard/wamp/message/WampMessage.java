package dev.switchboard.wamp.message;

/**
 * A WAMP v2 message of the basic or advanced profile. Each message is an immutable record whose components follow
 * the wire order of its elements; its Javadoc quotes the wire form. Records check their fields when built, so a
 * message that exists is a valid one.
 */
public sealed interface WampMessage permits Hello, Welcome, Abort, Challenge, Authenticate, Goodbye, Error,
        Publish, Published, Subscribe, Subscribed, Unsubscribe, Unsubscribed, Event, EventReceived,
        Call, Cancel, Result, Register, Registered, Unregister, Unregistered, Invocation, Interrupt, Yield {

    /** The message type code, the first element on the wire. */
    int type();
}

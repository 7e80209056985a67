package dev.switchboard.wamp.client;

import dev.switchboard.wamp.message.Payload;

/**
 * Runs a registered procedure. Called on the client's handler executor (virtual threads unless configured
 * otherwise), never on the transport's thread, so it may block. Return the result ({@link Payload#EMPTY} for none);
 * throw a {@link WampException} to answer with that error (URI, args and kwargs); any other exception is answered
 * with {@code wamp.error.runtime_error} and its message.
 */
@FunctionalInterface
public interface InvocationHandler {

    Payload.Arguments invoke(IncomingInvocation invocation) throws Exception;
}

package dev.switchboard.router.session;

/** Gives each new connection its handler; transports call it once the transport-level handshake succeeded. */
@FunctionalInterface
public interface ConnectionAcceptor {

    ConnectionHandler accept(Connection connection);
}

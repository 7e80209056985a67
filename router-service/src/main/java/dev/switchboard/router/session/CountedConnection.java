package dev.switchboard.router.session;

import dev.switchboard.wamp.message.WampMessage;

/** A connection that counts what is sent through it. */
final class CountedConnection implements Connection {

    private final Connection connection;
    private final Traffic traffic;

    CountedConnection(Connection connection, Traffic traffic) {
        this.connection = connection;
        this.traffic = traffic;
    }

    @Override
    public boolean send(WampMessage message) {
        boolean queued = connection.send(message);
        if (queued) {
            traffic.sent(message.type());
        }
        return queued;
    }

    @Override
    public void close() {
        connection.close();
    }

    @Override
    public TransportInfo info() {
        return connection.info();
    }
}

package dev.switchboard.wamp.client.internal;

/** Opens connections to the router. */
interface Connector {

    /**
     * Starts opening a connection that reports to {@code listener}: {@code onOpen} when it is open, else
     * {@code onClosed} with the reason it could not be.
     */
    void connect(TransportListener listener);

    /** Releases what the connector made for itself (not a WebSocket client it was given); it may connect again. */
    default void close() {
    }
}

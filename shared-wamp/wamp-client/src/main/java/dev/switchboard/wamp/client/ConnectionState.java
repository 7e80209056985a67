package dev.switchboard.wamp.client;

/**
 * Where a {@link WampClient} stands with its router.
 *
 * <pre>
 * DISCONNECTED ─connect()→ CONNECTING ─WebSocket open→ JOINING ─WELCOME, registrations and subscriptions
 *      ↑                        │                         │        restored→ ESTABLISHED
 *      │                        └──── failure ────────────┴──────────────────────┘
 *      │                                    ↓
 *      └── close(), ABORT, attempts used ── RECONNECTING ─backoff elapsed→ CONNECTING
 * </pre>
 */
public enum ConnectionState {
    /** No connection and none being made: before {@code connect()}, after {@code close()}, or after giving up. */
    DISCONNECTED,
    /** Opening the WebSocket. */
    CONNECTING,
    /** The WebSocket is open; HELLO is sent and the client waits for WELCOME (authenticating on CHALLENGE). */
    JOINING,
    /** The session is open and every registration and subscription is in place: requests may be sent. */
    ESTABLISHED,
    /** The connection failed or was lost; the next attempt starts when the backoff delay has elapsed. */
    RECONNECTING
}

package dev.switchboard.wamp.client.internal;

import dev.switchboard.wamp.client.SessionDetails;
import dev.switchboard.wamp.client.WampException;

/** What a {@link Session} tells its client, each at most once per session except revocations. */
interface SessionListener {

    /** The connection is open and HELLO is about to be sent. */
    void joining(Session session);

    /** WELCOME. */
    void welcomed(Session session, SessionDetails details);

    /** ABORT during the opening (or a CHALLENGE the client cannot answer): retrying would not help. */
    void aborted(Session session, WampException reason);

    /** The session and its connection ended (or the connection never opened); the last call. */
    void closed(Session session, Throwable cause);

    /** The dealer revoked a registration (e.g. {@code force_reregister} by another callee). */
    void revoked(RealRegistration registration);

    /** The broker revoked a subscription. */
    void revoked(RealSubscription subscription);
}

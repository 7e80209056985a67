package dev.switchboard.wamp.client.internal;

import dev.switchboard.wamp.message.WampMessage;

/** A request waiting for its answer. Both methods run at most once in all, the first on the transport's thread. */
interface PendingRequest {

    /** The router answered (the acknowledgement or an ERROR). */
    void answer(WampMessage reply);

    /** No answer will come: the session ended, or the request could not be sent. */
    void fail(RuntimeException error);
}

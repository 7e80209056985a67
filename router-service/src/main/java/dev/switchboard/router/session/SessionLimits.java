package dev.switchboard.router.session;

import org.jspecify.annotations.Nullable;

/**
 * The limits on one session's inbound traffic.
 *
 * @param messagesPerSecond the messages a session may send a second, on average; a session that sends faster is
 *                          closed: GOODBYE (ABORT before it is established) {@value #RATE_LIMITED}. {@code 0}: no
 *                          limit
 * @param messageBurst      how many messages a session may send at once, above that rate; {@code 0}: as many as
 *                          one second allows
 */
public record SessionLimits(int messagesPerSecond, int messageBurst) {

    /**
     * Not a standard URI: the spec names no close reason for a peer that sends too fast, and {@code wamp.} is
     * reserved to the spec.
     */
    public static final String RATE_LIMITED = "switchboard.close.rate_limited";

    public static final SessionLimits NONE = new SessionLimits(0, 0);

    static final String MESSAGES_LIMIT = "messages-per-second";

    public SessionLimits {
        if (messagesPerSecond < 0 || messageBurst < 0) {
            throw new IllegalArgumentException("message limits must not be negative, got " + messagesPerSecond
                    + "/s and a burst of " + messageBurst);
        }
    }

    /** A fresh bucket for one session, or {@code null} without a limit. */
    @Nullable MessageRate newRate() {
        return messagesPerSecond == 0 ? null
                : new MessageRate(messagesPerSecond, messageBurst == 0 ? messagesPerSecond : messageBurst,
                        System::nanoTime);
    }
}

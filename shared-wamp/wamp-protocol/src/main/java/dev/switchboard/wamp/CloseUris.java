package dev.switchboard.wamp;

/** The reasons the WAMP specification predefines for {@code GOODBYE.Reason} (and for closing a session). */
public final class CloseUris {

    /** A peer closes its session normally. */
    public static final String NORMAL = "wamp.close.normal";
    /** The router is shutting down. */
    public static final String SYSTEM_SHUTDOWN = "wamp.close.system_shutdown";
    /** The realm the session is attached to is closing. */
    public static final String CLOSE_REALM = "wamp.close.close_realm";
    /** The reply to a GOODBYE. */
    public static final String GOODBYE_AND_OUT = "wamp.close.goodbye_and_out";
    /** The session was killed through the session meta API. */
    public static final String KILLED = "wamp.close.killed";

    private CloseUris() {
    }
}

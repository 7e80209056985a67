package dev.switchboard.router.realm;

/** Hears sessions join and leave a realm ({@code wamp.session.on_join}, {@code on_leave}); called on the loop. */
public interface SessionListener {

    SessionListener NONE = new SessionListener() { };

    default void onJoin(SessionInfo session) {
    }

    default void onLeave(SessionInfo session) {
    }
}

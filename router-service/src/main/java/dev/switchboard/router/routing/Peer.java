package dev.switchboard.router.routing;

import dev.switchboard.wamp.IdGenerator;
import dev.switchboard.wamp.message.Roles;
import dev.switchboard.wamp.message.WampMessage;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * An established session as the broker and dealer see it: who it is, what it announced, and how to reach it.
 * Sending never blocks; a peer whose outbound queue overflows is disconnected and leaves the realm.
 */
public final class Peer {

    private static final Roles NO_ROLES = new Roles(Map.of());

    private final long sessionId;
    private final String authid;
    private final String authrole;
    private final Roles roles;
    private final Predicate<WampMessage> sender;
    private final Closer closer;
    private final IdGenerator requestIds = IdGenerator.sequential();

    /** Ends a session from the router's side. */
    @FunctionalInterface
    public interface Closer {

        /** A session that cannot be closed this way (an internal session, a test peer). */
        Closer NONE = (reason, message) -> { };

        /**
         * Tells the session GOODBYE with {@code reason} (and {@code message} in its details), makes it leave its realm
         * and closes its connection. Does nothing if the session is already closing.
         */
        void close(String reason, @Nullable String message);
    }

    /**
     * A peer that the router cannot close.
     *
     * @param sender queues a message for the session, {@code false} when the session is being disconnected
     */
    public Peer(long sessionId, String authid, String authrole, Roles roles, Predicate<WampMessage> sender) {
        this(sessionId, authid, authrole, roles, sender, Closer.NONE);
    }

    /**
     * @param sender queues a message for the session, {@code false} when the session is being disconnected
     * @param closer ends the session from the router's side (the session meta API's {@code wamp.session.kill})
     */
    public Peer(long sessionId, String authid, String authrole, Roles roles, Predicate<WampMessage> sender,
                Closer closer) {
        this.sessionId = sessionId;
        this.authid = authid;
        this.authrole = authrole;
        this.roles = roles;
        this.sender = sender;
        this.closer = closer;
    }

    public long sessionId() {
        return sessionId;
    }

    public String authid() {
        return authid;
    }

    public String authrole() {
        return authrole;
    }

    /** Whether the session announced {@code feature} for {@code role} in its HELLO. */
    public boolean supports(String role, String feature) {
        return roles.supports(role, feature);
    }

    public Roles roles() {
        return roles;
    }

    /** Queues {@code message} for this session; {@code false} if the session is being disconnected. */
    public boolean send(WampMessage message) {
        return sender.test(message);
    }

    /**
     * Ends the session from the router's side: GOODBYE with {@code reason} and {@code message}, then it leaves the
     * realm and its connection closes. Callable from the routing loop; the leave is handed to the loop.
     */
    public void close(String reason, @Nullable String message) {
        closer.close(reason, message);
    }

    /**
     * Who this session is, without a way to reach it: for what outlives the session (a retained event names its
     * publisher), so that its connection is not kept from the garbage collector.
     */
    public Peer identity() {
        return new Peer(sessionId, authid, authrole, NO_ROLES, message -> false);
    }

    /** The next id of this session's scope, for requests the router sends it (INVOCATION). */
    public long nextRequestId() {
        return requestIds.next();
    }

    @Override
    public String toString() {
        return "session " + sessionId + " (" + authid + "/" + authrole + ")";
    }
}

package dev.switchboard.router.routing;

import dev.switchboard.wamp.IdGenerator;
import dev.switchboard.wamp.message.Roles;
import dev.switchboard.wamp.message.WampMessage;
import java.util.function.Predicate;

/**
 * An established session as the broker and dealer see it: who it is, what it announced, and how to reach it.
 * Sending never blocks; a peer whose outbound queue overflows is disconnected and leaves the realm.
 */
public final class Peer {

    private final long sessionId;
    private final String authid;
    private final String authrole;
    private final Roles roles;
    private final Predicate<WampMessage> sender;
    private final IdGenerator requestIds = IdGenerator.sequential();

    /**
     * @param sender queues a message for the session, {@code false} when the session is being disconnected
     */
    public Peer(long sessionId, String authid, String authrole, Roles roles, Predicate<WampMessage> sender) {
        this.sessionId = sessionId;
        this.authid = authid;
        this.authrole = authrole;
        this.roles = roles;
        this.sender = sender;
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

    /** The next id of this session's scope, for requests the router sends it (INVOCATION). */
    public long nextRequestId() {
        return requestIds.next();
    }

    @Override
    public String toString() {
        return "session " + sessionId + " (" + authid + "/" + authrole + ")";
    }
}

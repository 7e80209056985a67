package dev.switchboard.router.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.message.CloseDetails;
import dev.switchboard.wamp.message.Goodbye;
import dev.switchboard.wamp.message.Roles;
import dev.switchboard.wamp.message.WampMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** A session for broker and dealer tests that records every message the router sends it. */
public final class RecordingPeer {

    private static final AtomicLong SESSION_IDS = new AtomicLong(1000);

    private final List<WampMessage> received = new ArrayList<>();
    private final Peer peer;
    private Runnable afterClose = () -> { };

    private RecordingPeer(String authid, String authrole, Roles roles) {
        peer = new Peer(SESSION_IDS.incrementAndGet(), authid, authrole, roles, message -> {
            received.add(message);
            return true;
        }, (reason, message) -> {
            received.add(new Goodbye(message == null ? CloseDetails.DEFAULT : CloseDetails.message(message), reason));
            afterClose.run();
        });
    }

    /**
     * What happens after the router closes this session ({@link Peer#close}), which records the GOODBYE a real
     * session would send; e.g. {@code () -> realm.leave(id)}, as a real session leaves its realm.
     */
    public RecordingPeer afterClose(Runnable action) {
        afterClose = action;
        return this;
    }

    /** A client with every role and, for the callee role, the given features. */
    public static RecordingPeer client(String authid, String... calleeFeatures) {
        return withRole(authid, "user", calleeFeatures);
    }

    public static RecordingPeer withRole(String authid, String authrole, String... calleeFeatures) {
        Roles roles = Roles.of(Map.of(
                Roles.CALLER, Set.of("progressive_call_results", "call_canceling", "caller_identification"),
                Roles.CALLEE, Set.copyOf(Arrays.asList(calleeFeatures)),
                Roles.PUBLISHER, Set.of(),
                Roles.SUBSCRIBER, Set.of()));
        return new RecordingPeer(authid, authrole, roles);
    }

    public Peer peer() {
        return peer;
    }

    public long sessionId() {
        return peer.sessionId();
    }

    /** Removes and returns the oldest message received, which must be of {@code type}. */
    public <T extends WampMessage> T take(Class<T> type) {
        assertThat(received).as("messages received by %s", peer).isNotEmpty();
        WampMessage first = received.removeFirst();
        assertThat(first).as("next message to %s", peer).isInstanceOf(type);
        return type.cast(first);
    }

    /** Asserts nothing more arrived. */
    public void assertNothingMore() {
        assertThat(received).as("further messages to %s", peer).isEmpty();
    }

    public List<WampMessage> received() {
        return received;
    }
}

package dev.switchboard.router.session;

import dev.switchboard.wamp.message.Authenticate;
import dev.switchboard.wamp.message.Hello;
import dev.switchboard.wamp.message.HelloDetails;
import dev.switchboard.wamp.message.Roles;
import dev.switchboard.wamp.message.WampMessage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A client of the session layer for tests: what it sends goes to its session, what the router sends is recorded. */
final class WireClient {

    static final Roles ROLES = Roles.of(Map.of("caller", Set.of(), "callee", Set.of(), "publisher", Set.of(),
            "subscriber", Set.of()));

    final RecordingConnection connection = new RecordingConnection();
    private final ConnectionHandler handler;

    WireClient(Sessions sessions) {
        this.handler = sessions.accept(connection);
    }

    void send(WampMessage message) {
        handler.onMessage(message);
    }

    void hello(String realm, String method, @Nullable String authid) {
        send(new Hello(realm, new HelloDetails(ROLES, List.of(method), authid, null, Map.of(), "test", Map.of())));
    }

    void authenticate(String signature) {
        send(new Authenticate(signature, Map.of()));
    }

    <T extends WampMessage> T take(Class<T> type) {
        return connection.take(type);
    }

    void assertNothingMore() {
        connection.assertNothingMore();
    }

    boolean closed() {
        return connection.closed();
    }
}

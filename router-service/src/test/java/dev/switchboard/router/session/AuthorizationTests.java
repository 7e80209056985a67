package dev.switchboard.router.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.router.auth.Action;
import dev.switchboard.router.auth.AnonymousAuthenticator;
import dev.switchboard.router.auth.Permission;
import dev.switchboard.router.auth.RoleAuthorizer;
import dev.switchboard.router.broker.Broker;
import dev.switchboard.router.broker.SubscriptionListener;
import dev.switchboard.router.dealer.Dealer;
import dev.switchboard.router.dealer.DealerSettings;
import dev.switchboard.router.dealer.RegistrationListener;
import dev.switchboard.router.realm.Realm;
import dev.switchboard.router.realm.RealmRegistry;
import dev.switchboard.router.realm.SessionListener;
import dev.switchboard.router.routing.ManualLoop;
import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.Match;
import dev.switchboard.wamp.matching.UriPattern;
import dev.switchboard.wamp.message.Call;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.Error;
import dev.switchboard.wamp.message.Hello;
import dev.switchboard.wamp.message.HelloDetails;
import dev.switchboard.wamp.message.Invocation;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Register;
import dev.switchboard.wamp.message.RegisterOptions;
import dev.switchboard.wamp.message.Registered;
import dev.switchboard.wamp.message.Roles;
import dev.switchboard.wamp.message.Subscribe;
import dev.switchboard.wamp.message.SubscribeOptions;
import dev.switchboard.wamp.message.Welcome;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Requests a role may not make are answered with {@code wamp.error.not_authorized}; rules may force disclosure. */
class AuthorizationTests {

    private final ManualLoop loop = new ManualLoop();
    private final Realm realm = new Realm("realm1", loop, new Broker(SubscriptionListener.NONE, Clock.systemUTC()),
            new Dealer(loop, DealerSettings.DEFAULTS, RegistrationListener.NONE, Clock.systemUTC()),
            SessionListener.NONE);

    private RecordingConnection join(String role) {
        Sessions sessions = new Sessions(new Admission(new RealmRegistry(List.of(realm)),
                Map.of("realm1", List.of(new AnonymousAuthenticator(role))),
                Map.of("realm1", new RoleAuthorizer(Map.of(
                        "service", List.of(new Permission(new UriPattern("tsp.", Match.PREFIX),
                                EnumSet.allOf(Action.class), true, false)),
                        "dashboard", List.of(new Permission(new UriPattern("tsp.solve", Match.EXACT),
                                EnumSet.of(Action.CALL), false, false))), Set.of()))));
        RecordingConnection connection = new RecordingConnection();
        ConnectionHandler handler = sessions.accept(connection);
        handler.onMessage(new Hello("realm1", new HelloDetails(Roles.of(Map.of("caller", Set.of(), "callee",
                Set.of())), List.of(), null, null, Map.of(), "test", Map.of())));
        connection.take(Welcome.class);
        handlers.put(connection, handler);
        return connection;
    }

    private final Map<RecordingConnection, ConnectionHandler> handlers = new java.util.HashMap<>();

    private void send(RecordingConnection connection, dev.switchboard.wamp.message.WampMessage message) {
        handlers.get(connection).onMessage(message);
    }

    @Test
    void aRequestTheRoleMayNotMakeIsRefusedAndNothingHappens() {
        RecordingConnection dashboard = join("dashboard");
        send(dashboard, new Register(1, RegisterOptions.DEFAULT, "tsp.solve"));
        Error error = dashboard.take(Error.class);
        assertThat(error.error()).isEqualTo(ErrorUris.NOT_AUTHORIZED);
        assertThat(error.requestType()).isEqualTo(Register.TYPE);
        send(dashboard, new Subscribe(2, SubscribeOptions.DEFAULT, "tsp.run.best"));
        assertThat(dashboard.take(Error.class).requestType()).isEqualTo(Subscribe.TYPE);
        assertThat(realm.dealer().match("tsp.solve")).isNull();
    }

    @Test
    void aRuleThatDisclosesCallersDisclosesThemUnasked() {
        RecordingConnection callee = join("service");
        send(callee, new Register(1, RegisterOptions.DEFAULT, "tsp.solve"));
        callee.take(Registered.class);

        RecordingConnection service = join("service");
        send(service, new Call(2, CallOptions.DEFAULT, "tsp.solve", Payload.EMPTY));
        assertThat(callee.take(Invocation.class).details().callerAuthrole()).isEqualTo("service");

        RecordingConnection dashboard = join("dashboard");
        send(dashboard, new Call(3, CallOptions.DEFAULT, "tsp.solve", Payload.EMPTY));
        assertThat(callee.take(Invocation.class).details().caller()).isNull();
    }
}

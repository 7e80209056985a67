package dev.switchboard.router.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.router.auth.AnonymousAuthenticator;
import dev.switchboard.router.broker.Broker;
import dev.switchboard.router.broker.SubscriptionListener;
import dev.switchboard.router.dealer.Dealer;
import dev.switchboard.router.dealer.DealerSettings;
import dev.switchboard.router.dealer.RegistrationListener;
import dev.switchboard.router.realm.Realm;
import dev.switchboard.router.realm.RealmRegistry;
import dev.switchboard.router.realm.SessionListener;
import dev.switchboard.router.routing.ManualLoop;
import dev.switchboard.wamp.CloseUris;
import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.ProtocolViolationException;
import dev.switchboard.wamp.message.Abort;
import dev.switchboard.wamp.message.Call;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.CloseDetails;
import dev.switchboard.wamp.message.Error;
import dev.switchboard.wamp.message.Event;
import dev.switchboard.wamp.message.Goodbye;
import dev.switchboard.wamp.message.Hello;
import dev.switchboard.wamp.message.HelloDetails;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Publish;
import dev.switchboard.wamp.message.PublishOptions;
import dev.switchboard.wamp.message.Register;
import dev.switchboard.wamp.message.RegisterOptions;
import dev.switchboard.wamp.message.Roles;
import dev.switchboard.wamp.message.Subscribe;
import dev.switchboard.wamp.message.SubscribeOptions;
import dev.switchboard.wamp.message.Subscribed;
import dev.switchboard.wamp.message.Welcome;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WampSessionTests {

    private static final Roles CLIENT = Roles.of(Map.of("caller", Set.of(), "callee", Set.of(),
            "publisher", Set.of(), "subscriber", Set.of()));

    private final ManualLoop loop = new ManualLoop();
    private final Realm realm = new Realm("realm1", loop, new Broker(SubscriptionListener.NONE, Clock.systemUTC()),
            new Dealer(loop, DealerSettings.DEFAULTS, RegistrationListener.NONE, Clock.systemUTC()),
            SessionListener.NONE);
    private final Sessions sessions = new Sessions(new Admission(new RealmRegistry(List.of(realm)),
            Map.of("realm1", List.of(new AnonymousAuthenticator("anonymous")))));

    private static Hello hello(String realm, List<String> authmethods) {
        return new Hello(realm, new HelloDetails(CLIENT, authmethods, null, null, Map.of(), "test", Map.of()));
    }

    private record Client(RecordingConnection connection, ConnectionHandler handler) {
    }

    private Client connect() {
        RecordingConnection connection = new RecordingConnection();
        return new Client(connection, sessions.accept(connection));
    }

    private Client join() {
        Client client = connect();
        client.handler().onMessage(hello("realm1", List.of()));
        client.connection().take(Welcome.class);
        return client;
    }

    @Test
    void helloToAnOpenRealmIsWelcomedWithTheRouterRolesAndAnAnonymousIdentity() {
        Client client = connect();
        client.handler().onMessage(hello("realm1", List.of("anonymous")));
        Welcome welcome = client.connection().take(Welcome.class);
        assertThat(welcome.details().roles().has(Roles.BROKER)).isTrue();
        assertThat(welcome.details().roles().supports(Roles.DEALER, "shared_registration")).isTrue();
        assertThat(welcome.details().authrole()).isEqualTo("anonymous");
        assertThat(welcome.details().authmethod()).isEqualTo("anonymous");
        assertThat(welcome.details().authid()).isNotBlank();
        assertThat(sessions.count()).isEqualTo(1);
        assertThat(realm.size()).isEqualTo(1);
    }

    @Test
    void helloToAnUnknownRealmIsAborted() {
        Client client = connect();
        client.handler().onMessage(hello("nowhere", List.of()));
        assertThat(client.connection().take(Abort.class).reason()).isEqualTo(ErrorUris.NO_SUCH_REALM);
        assertThat(client.connection().closed()).isTrue();
    }

    @Test
    void helloOfferingOnlyUnsupportedMethodsIsAborted() {
        Client client = connect();
        client.handler().onMessage(hello("realm1", List.of("ticket")));
        assertThat(client.connection().take(Abort.class).reason()).isEqualTo(ErrorUris.NO_MATCHING_AUTH_METHOD);
    }

    @Test
    void aMessageBeforeHelloIsAProtocolViolation() {
        Client client = connect();
        client.handler().onMessage(new Call(1, CallOptions.DEFAULT, "a.b", Payload.EMPTY));
        Abort abort = client.connection().take(Abort.class);
        assertThat(abort.reason()).isEqualTo(ErrorUris.PROTOCOL_VIOLATION);
        assertThat(abort.details().message()).contains("expected HELLO, got CALL");
        assertThat(client.connection().closed()).isTrue();
    }

    @Test
    void aSecondHelloIsAProtocolViolationAndTheSessionLeavesItsRealm() {
        Client client = join();
        client.handler().onMessage(hello("realm1", List.of()));
        assertThat(client.connection().take(Abort.class).reason()).isEqualTo(ErrorUris.PROTOCOL_VIOLATION);
        assertThat(client.connection().closed()).isTrue();
        assertThat(realm.size()).isZero();
        assertThat(sessions.count()).isZero();
    }

    @Test
    void aFrameThatDoesNotDecodeAbortsOnlyThatSession() {
        Client bad = join();
        Client good = join();
        good.handler().onMessage(new Subscribe(1, SubscribeOptions.DEFAULT, "com.example.t"));
        good.connection().take(Subscribed.class);

        bad.handler().onProtocolViolation(new ProtocolViolationException("CALL.Request must be an id, got 0"));
        Abort abort = bad.connection().take(Abort.class);
        assertThat(abort.reason()).isEqualTo(ErrorUris.PROTOCOL_VIOLATION);
        assertThat(abort.details().message()).isEqualTo("CALL.Request must be an id, got 0");

        Client publisher = join();
        publisher.handler().onMessage(new Publish(2, PublishOptions.DEFAULT, "com.example.t", Payload.of(1L)));
        good.connection().take(Event.class);
    }

    @Test
    void aRequestWithAnInvalidUriIsAnsweredWithInvalidUriAndTheSessionGoesOn() {
        Client client = join();
        client.handler().onProtocolViolation(new ProtocolViolationException("CALL.Procedure must be a valid URI",
                null, new ProtocolViolationException.FailedRequest(Call.TYPE, 9, ErrorUris.INVALID_URI)));
        Error error = client.connection().take(Error.class);
        assertThat(error.requestId()).isEqualTo(9);
        assertThat(error.error()).isEqualTo(ErrorUris.INVALID_URI);
        assertThat(client.connection().closed()).isFalse();
        client.handler().onMessage(new Subscribe(10, SubscribeOptions.DEFAULT, "com.example.t"));
        client.connection().take(Subscribed.class);
    }

    @Test
    void goodbyeIsAnsweredWithGoodbyeAndOut() {
        Client client = join();
        client.handler().onMessage(new Goodbye(CloseDetails.DEFAULT, CloseUris.NORMAL));
        assertThat(client.connection().take(Goodbye.class).reason()).isEqualTo(CloseUris.GOODBYE_AND_OUT);
        assertThat(client.connection().closed()).isTrue();
        assertThat(realm.size()).isZero();
    }

    @Test
    void routerMessagesFromAClientAreProtocolViolations() {
        Client client = join();
        client.handler().onMessage(new Subscribed(1, 2));
        assertThat(client.connection().take(Abort.class).details().message())
                .contains("SUBSCRIBED is not a message a client sends");
    }

    @Test
    void clientsCannotRegisterOrPublishUnderTheReservedWampPrefix() {
        Client client = join();
        client.handler().onMessage(new Register(5, RegisterOptions.DEFAULT, "wamp.session.count"));
        Error error = client.connection().take(Error.class);
        assertThat(error.error()).isEqualTo(ErrorUris.INVALID_URI);
        assertThat(error.requestType()).isEqualTo(Register.TYPE);
        client.handler().onMessage(new Publish(6, PublishOptions.DEFAULT, "wamp.session.on_join", Payload.EMPTY));
        assertThat(client.connection().take(Error.class).requestType()).isEqualTo(Publish.TYPE);
    }

    @Test
    void aConnectionThatDropsLeavesTheRealm() {
        Client client = join();
        client.handler().onClosed();
        assertThat(realm.size()).isZero();
        assertThat(sessions.count()).isZero();
    }

    @Test
    void shutdownSaysGoodbyeWithSystemShutdownToEverySession() {
        Client a = join();
        Client b = join();
        sessions.stop();
        for (Client client : List.of(a, b)) {
            assertThat(client.connection().take(Goodbye.class).reason()).isEqualTo(CloseUris.SYSTEM_SHUTDOWN);
            assertThat(client.connection().closed()).isTrue();
        }
    }
}

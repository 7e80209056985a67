package dev.switchboard.router.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.router.auth.Action;
import dev.switchboard.router.auth.DynamicTicketAuthenticator;
import dev.switchboard.router.auth.Permission;
import dev.switchboard.router.auth.RoleAuthorizer;
import dev.switchboard.router.auth.TicketAuthenticator;
import dev.switchboard.router.broker.Broker;
import dev.switchboard.router.broker.SubscriptionListener;
import dev.switchboard.router.dealer.Dealer;
import dev.switchboard.router.dealer.DealerSettings;
import dev.switchboard.router.dealer.RegistrationListener;
import dev.switchboard.router.realm.Realm;
import dev.switchboard.router.realm.RealmRegistry;
import dev.switchboard.router.realm.RouterCalls;
import dev.switchboard.router.realm.SessionListener;
import dev.switchboard.router.routing.ManualLoop;
import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.Match;
import dev.switchboard.wamp.matching.UriPattern;
import dev.switchboard.wamp.message.Abort;
import dev.switchboard.wamp.message.Challenge;
import dev.switchboard.wamp.message.Error;
import dev.switchboard.wamp.message.Invocation;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Register;
import dev.switchboard.wamp.message.RegisterOptions;
import dev.switchboard.wamp.message.Registered;
import dev.switchboard.wamp.message.Welcome;
import dev.switchboard.wamp.message.Yield;
import dev.switchboard.wamp.message.YieldOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Ticket authentication by a dynamic authenticator, as the client and the authenticator see it on the wire. The
 * authenticator is a session of the trusted role {@code authenticator} on the realm {@code services}; clients join
 * {@code realm1}, whose ticket principals it checks.
 */
@ExtendWith(OutputCaptureExtension.class)
class DynamicAuthenticationTests {

    private static final String AUTHENTICATE = "com.example.authenticate";

    private final ManualLoop loop = new ManualLoop();
    private final Realm realm1 = realm("realm1");
    private final Realm services = realm("services");
    private final Sessions sessions = new Sessions(new Admission(new RealmRegistry(List.of(realm1, services)),
            Map.of("realm1", List.of(new DynamicTicketAuthenticator(AUTHENTICATE, new RouterCalls(services),
                            Duration.ofSeconds(5))),
                    "services", List.of(new TicketAuthenticator(Map.of(
                            "auth-service", Map.entry("authenticator", "auth-ticket"),
                            "intruder", Map.entry("guest", "guest-ticket"))))),
            Map.of("services", new RoleAuthorizer(Map.of(
                    "authenticator", List.of(everything(AUTHENTICATE)),
                    "guest", List.of(everything(AUTHENTICATE), everything("com.example"))),
                    Set.of("authenticator"))),
            Map.of("services", Set.of(AUTHENTICATE))));

    private Realm realm(String name) {
        return new Realm(name, loop, new Broker(SubscriptionListener.NONE, Clock.systemUTC()),
                new Dealer(loop, DealerSettings.DEFAULTS, RegistrationListener.NONE, Clock.systemUTC()),
                SessionListener.NONE);
    }

    private static Permission everything(String uri) {
        return new Permission(new UriPattern(uri, uri.endsWith("e") ? Match.PREFIX : Match.EXACT),
                EnumSet.allOf(Action.class), false, false);
    }

    private WireClient joinServices(String authid, String ticket) {
        WireClient client = new WireClient(sessions);
        client.hello("services", "ticket", authid);
        client.take(Challenge.class);
        client.authenticate(ticket);
        client.take(Welcome.class);
        return client;
    }

    /** The authenticator's session, with the procedure registered. */
    private WireClient authenticator() {
        WireClient authenticator = joinServices("auth-service", "auth-ticket");
        authenticator.send(new Register(1, RegisterOptions.DEFAULT, AUTHENTICATE));
        authenticator.take(Registered.class);
        return authenticator;
    }

    /** A client that offered its ticket to realm1. */
    private WireClient offering(String authid, String ticket) {
        WireClient client = new WireClient(sessions);
        client.hello("realm1", "ticket", authid);
        assertThat(client.take(Challenge.class).authMethod()).isEqualTo("ticket");
        client.authenticate(ticket);
        return client;
    }

    @Test
    void theAuthenticatorGetsTheTicketAndItsRoleAdmitsTheClient() {
        WireClient authenticator = authenticator();
        WireClient client = offering("alice", "alice-ticket");
        client.assertNothingMore(); // until the authenticator answers

        Invocation invocation = authenticator.take(Invocation.class);
        Map<String, Object> details = new HashMap<>();
        details.put("authmethod", "ticket");
        details.put("authid", "alice");
        details.put("authrole", null);
        details.put("authextra", Map.of());
        details.put("ticket", "alice-ticket");
        assertThat(invocation.payload()).isEqualTo(Payload.of("realm1", "alice", details));
        authenticator.send(new Yield(invocation.requestId(), YieldOptions.DEFAULT, Payload.of("dashboard")));

        Welcome welcome = client.take(Welcome.class);
        assertThat(welcome.details().authid()).isEqualTo("alice");
        assertThat(welcome.details().authrole()).isEqualTo("dashboard");
        assertThat(welcome.details().authmethod()).isEqualTo("ticket");
        assertThat(welcome.details().authprovider()).isEqualTo("dynamic");
        assertThat(realm1.size()).isEqualTo(1);
    }

    @Test
    void aDictionaryAnswerMayAssignTheAuthidAndExtra() {
        WireClient authenticator = authenticator();
        WireClient client = offering("alice", "alice-ticket");
        Invocation invocation = authenticator.take(Invocation.class);
        authenticator.send(new Yield(invocation.requestId(), YieldOptions.DEFAULT,
                Payload.of(Map.of("role", "service", "authid", "svc-7", "extra", Map.of("tier", "gold")))));

        Welcome welcome = client.take(Welcome.class);
        assertThat(welcome.details().authid()).isEqualTo("svc-7");
        assertThat(welcome.details().authrole()).isEqualTo("service");
        assertThat(welcome.details().authextra()).isEqualTo(Map.of("tier", "gold"));
    }

    @Test
    void anErrorRefusesTheClientWithoutItsMessageWhichIsLoggedWithoutTheTicket(CapturedOutput output) {
        WireClient authenticator = authenticator();
        WireClient client = offering("alice", "wrong-ticket");
        Invocation invocation = authenticator.take(Invocation.class);
        authenticator.send(new Error(Invocation.TYPE, invocation.requestId(), Map.of(), "com.example.invalid_ticket",
                Payload.of("ticket wrong-ticket is not alice's")));

        Abort abort = client.take(Abort.class);
        assertThat(abort.reason()).isEqualTo(ErrorUris.AUTHENTICATION_FAILED);
        assertThat(abort.details().message()).isEqualTo("authentication failed");
        assertThat(client.closed()).isTrue();
        assertThat(realm1.size()).isZero();
        assertThat(output.getOut()).contains("com.example.invalid_ticket").contains("alice")
                .doesNotContain("wrong-ticket");
    }

    @Test
    void anAnswerThatIsNeitherARoleNorADictionaryRefusesTheClient() {
        WireClient authenticator = authenticator();
        WireClient client = offering("alice", "alice-ticket");
        Invocation invocation = authenticator.take(Invocation.class);
        authenticator.send(new Yield(invocation.requestId(), YieldOptions.DEFAULT, Payload.of(42)));

        assertThat(client.take(Abort.class).reason()).isEqualTo(ErrorUris.AUTHENTICATION_FAILED);
    }

    @Test
    void anAuthenticatorThatDoesNotAnswerInTimeRefusesTheClient() {
        WireClient authenticator = authenticator();
        WireClient client = offering("alice", "alice-ticket");
        authenticator.take(Invocation.class);

        loop.advance(Duration.ofMillis(4_900));
        client.assertNothingMore();
        loop.advance(Duration.ofMillis(100));
        Abort abort = client.take(Abort.class);
        assertThat(abort.reason()).isEqualTo(ErrorUris.AUTHENTICATION_FAILED);
        assertThat(abort.details().message()).isEqualTo("authentication failed");
    }

    @Test
    void withoutARegisteredAuthenticatorTheClientIsToldItIsUnavailable(CapturedOutput output) {
        WireClient client = offering("alice", "alice-ticket");

        Abort abort = client.take(Abort.class);
        assertThat(abort.reason()).isEqualTo(ErrorUris.AUTHENTICATION_FAILED);
        assertThat(abort.details().message()).contains("authenticator is unavailable");
        assertThat(output.getOut()).contains("WARN").contains(AUTHENTICATE).contains("unavailable");
    }

    @Test
    void onlyATrustedRoleMayRegisterTheAuthenticator() {
        WireClient intruder = joinServices("intruder", "guest-ticket");
        intruder.send(new Register(1, RegisterOptions.DEFAULT, AUTHENTICATE));
        Error error = intruder.take(Error.class);
        assertThat(error.error()).isEqualTo(ErrorUris.NOT_AUTHORIZED);
        assertThat(error.requestId()).isEqualTo(1);

        WireClient client = offering("alice", "alice-ticket");
        assertThat(client.take(Abort.class).details().message()).contains("unavailable");
    }

    @Test
    void aPatternRegistrationIsNeverCalledInTheAuthenticatorsPlace() {
        WireClient intruder = joinServices("intruder", "guest-ticket");
        intruder.send(new Register(1, new RegisterOptions(Match.PREFIX, RegisterOptions.DEFAULT.invoke(), null,
                false, false, Map.of()), "com.example"));
        intruder.take(Registered.class);

        WireClient client = offering("alice", "alice-ticket");
        intruder.assertNothingMore();
        assertThat(client.take(Abort.class).reason()).isEqualTo(ErrorUris.AUTHENTICATION_FAILED);
    }

    @Test
    void aMessageBeforeTheDecisionIsAProtocolViolation() {
        WireClient authenticator = authenticator();
        WireClient client = offering("alice", "alice-ticket");
        client.send(new Register(1, RegisterOptions.DEFAULT, "com.example.early"));
        assertThat(client.take(Abort.class).reason()).isEqualTo(ErrorUris.PROTOCOL_VIOLATION);

        Invocation invocation = authenticator.take(Invocation.class);
        authenticator.send(new Yield(invocation.requestId(), YieldOptions.DEFAULT, Payload.of("dashboard")));
        client.assertNothingMore();
        assertThat(realm1.size()).isZero();
    }
}

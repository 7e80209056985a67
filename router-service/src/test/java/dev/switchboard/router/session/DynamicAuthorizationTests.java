package dev.switchboard.router.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.router.auth.Action;
import dev.switchboard.router.auth.DynamicAuthorizer;
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
import dev.switchboard.wamp.message.Call;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.Challenge;
import dev.switchboard.wamp.message.Error;
import dev.switchboard.wamp.message.Invocation;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Publish;
import dev.switchboard.wamp.message.PublishOptions;
import dev.switchboard.wamp.message.Published;
import dev.switchboard.wamp.message.Register;
import dev.switchboard.wamp.message.RegisterOptions;
import dev.switchboard.wamp.message.Registered;
import dev.switchboard.wamp.message.Subscribe;
import dev.switchboard.wamp.message.SubscribeOptions;
import dev.switchboard.wamp.message.Subscribed;
import dev.switchboard.wamp.message.Unregister;
import dev.switchboard.wamp.message.Welcome;
import dev.switchboard.wamp.message.Yield;
import dev.switchboard.wamp.message.YieldOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A role decided by a dynamic authorizer, as its sessions and the authorizer see it on the wire: the authorizer is
 * a session of the trusted role {@code service} on the same realm; sessions of {@code frontend} ask it.
 */
class DynamicAuthorizationTests {

    private static final String AUTHORIZE = "com.example.authorize";
    private static final PublishOptions ACKNOWLEDGED = new PublishOptions(true, true, List.of(), List.of(), List.of(),
            null, null, null, false, false, Map.of());

    private final ManualLoop loop = new ManualLoop();
    private final Realm realm = new Realm("realm1", loop, new Broker(SubscriptionListener.NONE, Clock.systemUTC()),
            new Dealer(loop, DealerSettings.DEFAULTS, RegistrationListener.NONE, Clock.systemUTC()),
            SessionListener.NONE);
    private final Sessions sessions = new Sessions(new Admission(new RealmRegistry(List.of(realm)),
            Map.of("realm1", List.of(new TicketAuthenticator(Map.of(
                    "authorizer", Map.entry("service", "service-ticket"),
                    "web", Map.entry("frontend", "web-ticket"))))),
            Map.of("realm1", new RoleAuthorizer(
                    Map.of("service", List.of(new Permission(new UriPattern("com.example", Match.PREFIX),
                            EnumSet.allOf(Action.class), false, false))),
                    Set.of("service"),
                    Map.of("frontend", new DynamicAuthorizer(AUTHORIZE, new RouterCalls(realm),
                            Duration.ofSeconds(5))))),
            Map.of("realm1", Set.of(AUTHORIZE))));

    private WireClient join(String authid, String ticket) {
        WireClient client = new WireClient(sessions);
        client.hello("realm1", "ticket", authid);
        client.take(Challenge.class);
        client.authenticate(ticket);
        client.take(Welcome.class);
        return client;
    }

    private WireClient authorizer() {
        WireClient authorizer = join("authorizer", "service-ticket");
        authorizer.send(new Register(1, RegisterOptions.DEFAULT, AUTHORIZE));
        authorizer.take(Registered.class);
        return authorizer;
    }

    private static void answer(WireClient authorizer, Invocation question, Object answer) {
        authorizer.send(new Yield(question.requestId(), YieldOptions.DEFAULT, Payload.of(answer)));
    }

    @Test
    void theAuthorizerIsAskedWithTheSessionUriActionAndMatchAndItsYesLetsTheRequestThrough() {
        WireClient authorizer = authorizer();
        WireClient web = join("web", "web-ticket");
        web.send(new Subscribe(7, new SubscribeOptions(Match.PREFIX, false, Map.of()), "com.example.news"));
        web.assertNothingMore();

        Invocation question = authorizer.take(Invocation.class);
        Payload.Arguments arguments = (Payload.Arguments) question.payload();
        @SuppressWarnings("unchecked")
        Map<String, Object> session = (Map<String, Object>) arguments.args().getFirst();
        assertThat(session).containsEntry("authid", "web").containsEntry("authrole", "frontend")
                .containsEntry("authmethod", "ticket").containsKey("session");
        assertThat(arguments.args().subList(1, 4)).containsExactly("com.example.news", "subscribe",
                Map.of("match", "prefix"));

        answer(authorizer, question, true);
        assertThat(web.take(Subscribed.class).requestId()).isEqualTo(7);
    }

    @Test
    void aNoIsNotAuthorized() {
        WireClient authorizer = authorizer();
        WireClient web = join("web", "web-ticket");
        web.send(new Call(3, CallOptions.DEFAULT, "com.example.secret", Payload.EMPTY));
        answer(authorizer, authorizer.take(Invocation.class), Map.of("allow", false));

        Error error = web.take(Error.class);
        assertThat(error.error()).isEqualTo(ErrorUris.NOT_AUTHORIZED);
        assertThat(error.requestType()).isEqualTo(Call.TYPE);
        assertThat(error.requestId()).isEqualTo(3);
    }

    @Test
    void anErrorOrATimeoutOfTheAuthorizerFailsTheAuthorizationWhichMayBeTriedAgain() {
        WireClient authorizer = authorizer();
        WireClient web = join("web", "web-ticket");

        web.send(new Subscribe(1, SubscribeOptions.DEFAULT, "com.example.a"));
        Invocation question = authorizer.take(Invocation.class);
        authorizer.send(new Error(Invocation.TYPE, question.requestId(), Map.of(), "com.example.broken",
                Payload.EMPTY));
        assertThat(web.take(Error.class).error()).isEqualTo(ErrorUris.AUTHORIZATION_FAILED);

        web.send(new Subscribe(2, SubscribeOptions.DEFAULT, "com.example.b"));
        authorizer.take(Invocation.class);
        loop.advance(Duration.ofSeconds(5));
        Error timedOut = web.take(Error.class);
        assertThat(timedOut.error()).isEqualTo(ErrorUris.AUTHORIZATION_FAILED);
        assertThat(timedOut.requestId()).isEqualTo(2);

        web.send(new Subscribe(3, SubscribeOptions.DEFAULT, "com.example.b"));
        answer(authorizer, authorizer.take(Invocation.class), true);
        assertThat(web.take(Subscribed.class).requestId()).as("asked again once the authorizer answers").isEqualTo(3);
    }

    @Test
    void withoutAnAuthorizerNothingIsAllowedAndTheAuthorizationFails() {
        WireClient web = join("web", "web-ticket");
        web.send(new Subscribe(3, SubscribeOptions.DEFAULT, "com.example.c"));
        Error refused = web.take(Error.class);
        assertThat(refused.error()).isEqualTo(ErrorUris.AUTHORIZATION_FAILED);
        assertThat(refused.requestId()).isEqualTo(3);
    }

    @Test
    void aDisclosingYesDisclosesTheCaller() {
        WireClient authorizer = authorizer();
        authorizer.send(new Register(2, RegisterOptions.DEFAULT, "com.example.add"));
        authorizer.take(Registered.class);
        WireClient web = join("web", "web-ticket");

        web.send(new Call(5, CallOptions.DEFAULT, "com.example.add", Payload.of(1, 2)));
        answer(authorizer, authorizer.take(Invocation.class), Map.of("allow", true, "disclose", true));

        Invocation invocation = authorizer.take(Invocation.class);
        assertThat(invocation.payload()).isEqualTo(Payload.of(1, 2));
        assertThat(invocation.details().callerAuthid()).isEqualTo("web");
    }

    @Test
    void aDecisionIsReusedForTheSessionOnlyWhenTheAuthorizerSaysCache() {
        WireClient authorizer = authorizer();
        WireClient web = join("web", "web-ticket");

        web.send(new Publish(1, ACKNOWLEDGED, "com.example.cached", Payload.EMPTY));
        answer(authorizer, authorizer.take(Invocation.class), Map.of("allow", true, "cache", true));
        web.take(Published.class);
        web.send(new Publish(2, ACKNOWLEDGED, "com.example.cached", Payload.EMPTY));
        assertThat(web.take(Published.class).requestId()).isEqualTo(2);
        authorizer.assertNothingMore();

        web.send(new Publish(3, ACKNOWLEDGED, "com.example.asked", Payload.EMPTY));
        answer(authorizer, authorizer.take(Invocation.class), true);
        web.take(Published.class);
        web.send(new Publish(4, ACKNOWLEDGED, "com.example.asked", Payload.EMPTY));
        answer(authorizer, authorizer.take(Invocation.class), true);
        assertThat(web.take(Published.class).requestId()).isEqualTo(4);

        // another session of the role asks anew
        WireClient other = join("web", "web-ticket");
        other.send(new Publish(5, ACKNOWLEDGED, "com.example.cached", Payload.EMPTY));
        answer(authorizer, authorizer.take(Invocation.class), true);
        assertThat(other.take(Published.class).requestId()).isEqualTo(5);
    }

    @Test
    void laterRequestsWaitInOrderWhileOtherSessionsCarryOn() {
        WireClient authorizer = authorizer();
        WireClient web = join("web", "web-ticket");

        web.send(new Publish(1, ACKNOWLEDGED, "com.example.first", Payload.EMPTY));
        web.send(new Unregister(2, 424242)); // needs no decision, yet waits for the one before it
        web.send(new Publish(3, ACKNOWLEDGED, "com.example.third", Payload.EMPTY));
        Invocation first = authorizer.take(Invocation.class);
        authorizer.assertNothingMore(); // one question at a time
        web.assertNothingMore();

        // the realm's loop is not held up: the authorizer's own requests go through
        authorizer.send(new Publish(10, ACKNOWLEDGED, "com.example.meanwhile", Payload.EMPTY));
        assertThat(authorizer.take(Published.class).requestId()).isEqualTo(10);

        answer(authorizer, first, true);
        assertThat(web.take(Published.class).requestId()).isEqualTo(1);
        assertThat(web.take(Error.class).error()).isEqualTo(ErrorUris.NO_SUCH_REGISTRATION);
        web.assertNothingMore();
        answer(authorizer, authorizer.take(Invocation.class), true);
        assertThat(web.take(Published.class).requestId()).isEqualTo(3);
    }

    @Test
    void onlyATrustedRoleMayRegisterTheAuthorizer() {
        authorizer();
        WireClient web = join("web", "web-ticket");
        web.send(new Register(4, RegisterOptions.DEFAULT, AUTHORIZE));
        Error error = web.take(Error.class);
        assertThat(error.error()).isEqualTo(ErrorUris.NOT_AUTHORIZED);
        assertThat(error.requestType()).isEqualTo(Register.TYPE);
    }
}

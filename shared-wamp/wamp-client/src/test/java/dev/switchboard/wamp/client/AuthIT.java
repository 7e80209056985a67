package dev.switchboard.wamp.client;

import static dev.switchboard.wamp.client.Clients.await;
import static dev.switchboard.wamp.client.Clients.wampFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.client.router.AuthRealm;
import dev.switchboard.wamp.client.router.RouterProcess;
import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.message.Authenticate;
import dev.switchboard.wamp.message.ChallengeExtra;
import dev.switchboard.wamp.message.EventDetails;
import dev.switchboard.wamp.message.InvocationDetails;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.PublishOptions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Authentication and authorization against the real router, with a realm ({@code authrealm}) configured on its
 * command line: ticket, WAMP-CRA (plain and salted) and WAMP-Cryptosign principals, and roles with permission rules.
 * Salted WAMP-CRA and cryptosign are welcomed over every serialization (their challenges and signatures travel in
 * each format); the rest runs over JSON. Every refusal is ABORT {@code wamp.error.authentication_failed}. The router
 * slows down repeated failures from one address (all of these come from 127.0.0.1), so the refused cases together
 * wait a few seconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthIT {

    private static final String REALM = "authrealm";
    private static final HexFormat HEX = HexFormat.of();
    private static final PublishOptions ACKNOWLEDGED = new PublishOptions(true, true, List.of(), List.of(), List.of(),
            null, null, null, false, false, Map.of());

    private final String ticket = randomHex(16);
    private final String craSecret = randomHex(16);
    private final String craSaltedSecret = randomHex(16);
    private final KeyPair signer = ed25519();
    private final List<WampClient> clients = new ArrayList<>();
    private RouterProcess router;

    @BeforeAll
    void startRouter() throws Exception {
        router = RouterProcess.launch(AuthRealm.arguments(REALM, ticket, craSecret, craSaltedSecret, randomHex(8),
                publicKeyHex(signer)).toArray(String[]::new));
    }

    @AfterAll
    void stopRouter() throws InterruptedException {
        if (router != null) {
            router.close();
        }
    }

    @AfterEach
    void closeClients() {
        clients.forEach(WampClient::close);
        clients.clear();
    }

    // --- ticket ---

    @Test
    void ticketIsWelcomedWithThePrincipalsRole() {
        SessionDetails session = connect(b -> b.authid("service").authenticators(Authenticator.ticket(ticket)));

        assertWelcomed(session, "service", "service", "ticket");
    }

    @Test
    void wrongTicketIsRefused() {
        assertRefused(b -> b.authid("service").authenticators(Authenticator.ticket(ticket + "-wrong")));
    }

    @Test
    void ticketOfAnUnknownAuthidIsRefused() {
        assertRefused(b -> b.authid("nobody").authenticators(Authenticator.ticket(ticket)));
    }

    @Test
    void aRequestedRoleThePrincipalDoesNotHaveIsRefused() {
        assertRefused(b -> b.authid("service").authrole("admin").authenticators(Authenticator.ticket(ticket)));
    }

    // --- wampcra ---

    @Test
    void wampCraWithAPlainSecretIsWelcomed() {
        SessionDetails session = connect(b -> b.authid("alice").authenticators(Authenticator.wampcra(craSecret)));

        assertWelcomed(session, "alice", "dashboard", "wampcra");
    }

    @ParameterizedTest(name = "over {0}")
    @EnumSource(Serialization.class)
    void wampCraWithASaltedSecretIsWelcomed(Serialization serialization) {
        SessionDetails session = connect(b -> b.serialization(serialization).authid("salty")
                .authenticators(Authenticator.wampcra(craSaltedSecret)));

        assertWelcomed(session, "salty", "dashboard", "wampcra");
    }

    @Test
    void wampCraWithTheWrongSecretIsRefused() {
        assertRefused(b -> b.authid("alice").authenticators(Authenticator.wampcra(craSecret + "-wrong")));
    }

    @Test
    void wampCraOfAnUnknownAuthidIsRefused() {
        assertRefused(b -> b.authid("nobody").authenticators(Authenticator.wampcra(craSecret)));
    }

    // --- cryptosign ---

    @ParameterizedTest(name = "over {0}")
    @EnumSource(Serialization.class)
    void cryptosignIsWelcomedFindingThePrincipalByItsKey(Serialization serialization) {
        SessionDetails session = connect(b -> b.serialization(serialization)
                .authenticators(Authenticator.cryptosign(seedHex(signer))));

        assertWelcomed(session, "signer", "service", "cryptosign");
        assertThat(session.welcome().authextra()).containsEntry("pubkey", publicKeyHex(signer));
    }

    @Test
    void cryptosignWithAnUnauthorizedKeyIsRefused() {
        assertRefused(b -> b.authenticators(Authenticator.cryptosign(seedHex(ed25519()))));
    }

    @Test
    void aReplayedCryptosignSignatureIsRefused() {
        Recording recording = new Recording(Authenticator.cryptosign(seedHex(signer)));
        connect(b -> b.authid("signer").authenticators(recording));
        Authenticate recorded = recording.answers.getFirst();

        Authenticator replaying = new Authenticator() {
            @Override
            public String authMethod() {
                return "cryptosign";
            }

            @Override
            public Map<String, Object> authExtra() {
                return recording.authExtra();
            }

            @Override
            public Authenticate authenticate(ChallengeExtra challenge) {
                assertThat(challenge.challenge()).isNotEqualTo(recording.challenges.getFirst().challenge());
                return recorded;
            }
        };
        assertRefused(b -> b.authid("signer").authenticators(replaying));
    }

    // --- authorization ---

    @Test
    void anAllowedCallReachesTheCalleeWithTheCallerDisclosedByTheRoleRule() throws Exception {
        String procedure = "auth.rpc.java.whoami";
        WampClient callee = client(b -> b.authid("service").authenticators(Authenticator.ticket(ticket)));
        CompletableFuture<InvocationDetails> invoked = new CompletableFuture<>();
        await(callee.register(procedure, invocation -> {
            invoked.complete(invocation.details());
            return Payload.of("done");
        }));
        WampClient caller = client(b -> b.authid("alice").authenticators(Authenticator.wampcra(craSecret)));

        assertThat(await(caller.call(procedure, Payload.EMPTY)).arg(0)).isEqualTo("done");

        InvocationDetails details = invoked.get(10, TimeUnit.SECONDS);
        assertThat(details.caller()).isEqualTo(caller.session().sessionId());
        assertThat(details.callerAuthid()).isEqualTo("alice");
        assertThat(details.callerAuthrole()).isEqualTo("dashboard");
    }

    @Test
    void aSubscriptionTheRoleAllowsGetsEventsWithThePublisherDisclosedByItsRoleRule() throws Exception {
        String topic = "auth.topic.java.news";
        WampClient subscriber = client(b -> b.authid("alice").authenticators(Authenticator.wampcra(craSecret)));
        CompletableFuture<EventDetails> received = new CompletableFuture<>();
        await(subscriber.subscribe(topic, event -> received.complete(event.details())));
        WampClient publisher = client(b -> b.authid("service").authenticators(Authenticator.ticket(ticket)));

        await(publisher.publish(topic, Payload.of("hello"), ACKNOWLEDGED));

        EventDetails details = received.get(10, TimeUnit.SECONDS);
        assertThat(details.publisher()).isEqualTo(publisher.session().sessionId());
        assertThat(details.publisherAuthrole()).isEqualTo("service");
    }

    @Test
    void requestsTheRoleDoesNotAllowAreNotAuthorized() {
        WampClient dashboard = client(b -> b.authid("alice").authenticators(Authenticator.wampcra(craSecret)));

        assertNotAuthorized(dashboard.register("auth.rpc.java.mine", invocation -> Payload.EMPTY));
        assertNotAuthorized(dashboard.call("auth.topic.java.not_a_procedure", Payload.EMPTY));
        assertNotAuthorized(dashboard.publish("auth.topic.java.news", Payload.EMPTY, ACKNOWLEDGED));
        assertNotAuthorized(dashboard.subscribe("auth.rpc.java.events", event -> { }));
    }

    @Test
    void aRoleWithoutRulesMayDoNothing() {
        WampClient ghost = client(b -> b.authid("ghost").authenticators(Authenticator.ticket(ticket)));
        assertWelcomed(ghost.session(), "ghost", "ghost", "ticket");

        assertNotAuthorized(ghost.call("auth.rpc.java.whoami", Payload.EMPTY));
        assertNotAuthorized(ghost.subscribe("auth.topic.java.news", event -> { }));
    }

    // --- helpers ---

    private WampClient.Builder builder() {
        return WampClient.builder(router.webSocketUrl(), REALM);
    }

    private WampClient client(UnaryOperator<WampClient.Builder> configure) {
        WampClient client = configure.apply(builder()).build();
        clients.add(client);
        await(client.connect());
        return client;
    }

    private SessionDetails connect(UnaryOperator<WampClient.Builder> configure) {
        return client(configure).session();
    }

    private void assertRefused(UnaryOperator<WampClient.Builder> configure) {
        WampClient client = configure.apply(builder()).build();
        clients.add(client);

        WampException refused = wampFailure(client.connect());

        assertThat(refused.error()).isEqualTo(ErrorUris.AUTHENTICATION_FAILED);
        assertThat(client.state()).isEqualTo(ConnectionState.DISCONNECTED);
    }

    private static void assertWelcomed(SessionDetails session, String authid, String authrole, String authmethod) {
        assertThat(session.realm()).isEqualTo(REALM);
        assertThat(List.of(session.authid(), session.authrole(), session.authmethod()))
                .containsExactly(authid, authrole, authmethod);
    }

    private static void assertNotAuthorized(CompletableFuture<?> request) {
        assertThat(wampFailure(request).error()).isEqualTo(ErrorUris.NOT_AUTHORIZED);
    }

    /** An authenticator that records the challenges it got and the answers it gave. */
    private static final class Recording implements Authenticator {

        final List<ChallengeExtra> challenges = new CopyOnWriteArrayList<>();
        final List<Authenticate> answers = new CopyOnWriteArrayList<>();
        private final Authenticator delegate;

        Recording(Authenticator delegate) {
            this.delegate = delegate;
        }

        @Override
        public String authMethod() {
            return delegate.authMethod();
        }

        @Override
        public Map<String, Object> authExtra() {
            return delegate.authExtra();
        }

        @Override
        public Authenticate authenticate(ChallengeExtra challenge) {
            challenges.add(challenge);
            Authenticate answer = delegate.authenticate(challenge);
            answers.add(answer);
            return answer;
        }
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HEX.formatHex(random);
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    /** The raw 32-byte public key: the end of its X.509 encoding. */
    private static String publicKeyHex(KeyPair pair) {
        byte[] encoded = pair.getPublic().getEncoded();
        return HEX.formatHex(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
    }

    /** The 32-byte private key (seed): the end of its PKCS#8 encoding. */
    private static String seedHex(KeyPair pair) {
        byte[] encoded = pair.getPrivate().getEncoded();
        return HEX.formatHex(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
    }
}

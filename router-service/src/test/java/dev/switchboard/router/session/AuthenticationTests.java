package dev.switchboard.router.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.router.auth.AuthFailures;
import dev.switchboard.router.auth.CryptosignAuthenticator;
import dev.switchboard.router.auth.Secrets;
import dev.switchboard.router.auth.TicketAuthenticator;
import dev.switchboard.router.auth.WampCraAuthenticator;
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
import dev.switchboard.wamp.message.Abort;
import dev.switchboard.wamp.message.Authenticate;
import dev.switchboard.wamp.message.Challenge;
import dev.switchboard.wamp.message.Hello;
import dev.switchboard.wamp.message.HelloDetails;
import dev.switchboard.wamp.message.Roles;
import dev.switchboard.wamp.message.Welcome;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Ticket, WAMP-CRA and cryptosign handshakes, as a client sees them on the wire. */
class AuthenticationTests {

    private static final Roles CLIENT = Roles.of(Map.of("caller", Set.of()));
    private static final HexFormat HEX = HexFormat.of();

    private final KeyPair ed25519 = generateKeyPair();
    private final String publicKey = rawPublicKey(ed25519);
    private final ManualLoop loop = new ManualLoop();
    private final Realm realm = new Realm("realm1", loop, new Broker(SubscriptionListener.NONE, Clock.systemUTC()),
            new Dealer(loop, DealerSettings.DEFAULTS, RegistrationListener.NONE, Clock.systemUTC()),
            SessionListener.NONE);
    private final Sessions sessions = new Sessions(new Admission(new RealmRegistry(List.of(realm)), Map.of("realm1",
            List.of(new TicketAuthenticator(Map.of("service", Map.entry("service", "s3cret-ticket"))),
                    new WampCraAuthenticator(Map.of(
                            "alice", new WampCraAuthenticator.User("dashboard", "alice-secret", null, 0, 0),
                            "bob", new WampCraAuthenticator.User("dashboard", "bob-secret", "salt123", 100, 32))),
                    new CryptosignAuthenticator(Map.of("compute",
                            new CryptosignAuthenticator.Principal("service", List.of(publicKey))))))),
            Traffic.NONE, new AuthFailures(Duration.ofMinutes(1), Duration.ofMillis(50), Duration.ofMillis(200),
            Clock.systemUTC()));

    private record Client(RecordingConnection connection, ConnectionHandler handler) {
    }

    private Client hello(String method, @Nullable String authid, Map<String, Object> authextra) {
        RecordingConnection connection = new RecordingConnection();
        ConnectionHandler handler = sessions.accept(connection);
        handler.onMessage(new Hello("realm1", new HelloDetails(CLIENT, List.of(method), authid, null, authextra,
                "test", Map.of())));
        return new Client(connection, handler);
    }

    private static void answer(Client client, String signature) {
        client.handler().onMessage(new Authenticate(signature, Map.of()));
    }

    @Test
    void theRightTicketIsWelcomedWithItsRole() {
        Client client = hello("ticket", "service", Map.of());
        assertThat(client.connection().take(Challenge.class).authMethod()).isEqualTo("ticket");
        answer(client, "s3cret-ticket");
        Welcome welcome = client.connection().take(Welcome.class);
        assertThat(welcome.details().authid()).isEqualTo("service");
        assertThat(welcome.details().authrole()).isEqualTo("service");
        assertThat(welcome.details().authmethod()).isEqualTo("ticket");
    }

    @Test
    void aWrongTicketAndAnUnknownAuthidGetTheSameRefusal() {
        Client wrong = hello("ticket", "service", Map.of());
        wrong.connection().take(Challenge.class);
        answer(wrong, "guess");
        Abort refusedWrong = wrong.connection().take(Abort.class);

        Client unknown = hello("ticket", "mallory", Map.of());
        unknown.connection().take(Challenge.class);
        answer(unknown, "s3cret-ticket");
        awaitAbort(unknown);

        assertThat(refusedWrong.reason()).isEqualTo(ErrorUris.AUTHENTICATION_FAILED);
        assertThat(refusedWrong.details().message()).doesNotContain("ticket").doesNotContain("mallory");
        assertThat(wrong.connection().closed()).isTrue();
    }

    @Test
    void askingForARoleThePrincipalDoesNotHaveIsRefused() {
        RecordingConnection connection = new RecordingConnection();
        ConnectionHandler handler = sessions.accept(connection);
        handler.onMessage(new Hello("realm1", new HelloDetails(CLIENT, List.of("ticket"), "service", "admin",
                Map.of(), "test", Map.of())));
        Client client = new Client(connection, handler);
        client.connection().take(Challenge.class);
        answer(client, "s3cret-ticket");
        assertThat(awaitAbort(client).reason()).isEqualTo(ErrorUris.AUTHENTICATION_FAILED);
    }

    @Test
    void wampCraWithAnUnsaltedSecret() {
        Client client = hello("wampcra", "alice", Map.of());
        Challenge challenge = client.connection().take(Challenge.class);
        assertThat(challenge.extra().salt()).isNull();
        assertThat(challenge.extra().challenge()).contains("\"authid\":\"alice\"").contains("\"nonce\"");
        answer(client, sign("alice-secret".getBytes(StandardCharsets.UTF_8), challenge.extra().challenge()));
        assertThat(client.connection().take(Welcome.class).details().authrole()).isEqualTo("dashboard");
    }

    @Test
    void wampCraWithASaltedSecretSendsTheDerivationParameters() {
        Client client = hello("wampcra", "bob", Map.of());
        Challenge challenge = client.connection().take(Challenge.class);
        assertThat(challenge.extra().salt()).isEqualTo("salt123");
        assertThat(challenge.extra().iterations()).isEqualTo(100);
        assertThat(challenge.extra().keylen()).isEqualTo(32);
        byte[] key = Base64.getEncoder().encode(Secrets.pbkdf2("bob-secret",
                "salt123".getBytes(StandardCharsets.UTF_8), 100, 32));
        answer(client, sign(key, challenge.extra().challenge()));
        assertThat(client.connection().take(Welcome.class).details().authid()).isEqualTo("bob");
    }

    @Test
    void wampCraWithTheWrongSecretIsRefused() {
        Client client = hello("wampcra", "alice", Map.of());
        Challenge challenge = client.connection().take(Challenge.class);
        answer(client, sign("not-alice".getBytes(StandardCharsets.UTF_8), challenge.extra().challenge()));
        assertThat(awaitAbort(client).reason()).isEqualTo(ErrorUris.AUTHENTICATION_FAILED);
    }

    @Test
    void cryptosignAcceptsASignatureOfTheChallengeInBothForms() throws Exception {
        for (boolean withChallenge : new boolean[] {false, true}) {
            Client client = hello("cryptosign", "compute", Map.of("pubkey", publicKey));
            byte[] challenge = HEX.parseHex(client.connection().take(Challenge.class).extra().challenge());
            byte[] signature = ed25519Sign(challenge);
            answer(client, HEX.formatHex(signature) + (withChallenge ? HEX.formatHex(challenge) : ""));
            Welcome welcome = client.connection().take(Welcome.class);
            assertThat(welcome.details().authrole()).isEqualTo("service");
            assertThat(welcome.details().authextra()).containsEntry("pubkey", publicKey);
        }
    }

    @Test
    void cryptosignFindsThePrincipalByItsKeyWhenNoAuthidIsGiven() throws Exception {
        Client client = hello("cryptosign", null, Map.of("pubkey", publicKey));
        byte[] challenge = HEX.parseHex(client.connection().take(Challenge.class).extra().challenge());
        answer(client, HEX.formatHex(ed25519Sign(challenge)));
        assertThat(client.connection().take(Welcome.class).details().authid()).isEqualTo("compute");
    }

    @Test
    void aReplayedCryptosignSignatureIsRefused() throws Exception {
        Client first = hello("cryptosign", "compute", Map.of("pubkey", publicKey));
        byte[] challenge = HEX.parseHex(first.connection().take(Challenge.class).extra().challenge());
        String recorded = HEX.formatHex(ed25519Sign(challenge));
        answer(first, recorded);
        first.connection().take(Welcome.class);

        Client replay = hello("cryptosign", "compute", Map.of("pubkey", publicKey));
        replay.connection().take(Challenge.class);
        answer(replay, recorded);
        assertThat(awaitAbort(replay).reason()).isEqualTo(ErrorUris.AUTHENTICATION_FAILED);
    }

    @Test
    void anUnauthorizedKeyIsRefused() throws Exception {
        KeyPair other = generateKeyPair();
        Client client = hello("cryptosign", "compute", Map.of("pubkey", rawPublicKey(other)));
        byte[] challenge = HEX.parseHex(client.connection().take(Challenge.class).extra().challenge());
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(other.getPrivate());
        signature.update(challenge);
        answer(client, HEX.formatHex(signature.sign()));
        assertThat(awaitAbort(client).reason()).isEqualTo(ErrorUris.AUTHENTICATION_FAILED);
    }

    @Test
    void repeatedFailuresFromOneAddressAreAnsweredMoreSlowly() {
        long[] waited = new long[3];
        for (int attempt = 0; attempt < 3; attempt++) {
            Client client = hello("ticket", "service", Map.of());
            client.connection().take(Challenge.class);
            long start = System.nanoTime();
            answer(client, "wrong");
            awaitAbort(client);
            waited[attempt] = (System.nanoTime() - start) / 1_000_000;
        }
        assertThat(waited[1]).isGreaterThanOrEqualTo(40);
        assertThat(waited[2]).isGreaterThanOrEqualTo(90);
    }

    @Test
    void anAuthenticateWithoutAChallengeIsAProtocolViolation() {
        RecordingConnection connection = new RecordingConnection();
        sessions.accept(connection).onMessage(new Authenticate("x", Map.of()));
        assertThat(connection.take(Abort.class).reason()).isEqualTo(ErrorUris.PROTOCOL_VIOLATION);
    }

    private static Abort awaitAbort(Client client) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!client.connection().closed() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return client.connection().take(Abort.class);
    }

    private static String sign(byte[] key, String challenge) {
        return Base64.getEncoder().encodeToString(Secrets.hmacSha256(key, challenge));
    }

    private byte[] ed25519Sign(byte[] challenge) throws Exception {
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(ed25519.getPrivate());
        signature.update(challenge);
        return signature.sign();
    }

    private static KeyPair generateKeyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rawPublicKey(KeyPair pair) {
        byte[] encoded = pair.getPublic().getEncoded();
        return HEX.formatHex(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
    }
}

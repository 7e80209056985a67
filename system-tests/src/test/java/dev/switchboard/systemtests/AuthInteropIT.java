package dev.switchboard.systemtests;

import dev.switchboard.wamp.client.router.AuthRealm;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Authentication and authorization with third-party clients: the router runs from its jar with a realm
 * ({@code authrealm}) configured on its command line, with ticket principals, WAMP-CRA users (plain and salted), a
 * cryptosign principal whose Ed25519 key is generated here, and roles with permission rules; Autobahn|Python
 * ({@code python/autobahn_python_auth.py}) and Autobahn|JS ({@code node/autobahn-js-auth.cjs}) authenticate with each
 * method, are refused with wrong secrets, unknown authids, unauthorized keys and replayed signatures, and meet the
 * authorization matrix. The secrets reach the scripts through their environment.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthInteropIT {

    static final String REALM = "authrealm";

    private static final HexFormat HEX = HexFormat.of();

    private final String ticket = randomHex(16);
    private final String craSecret = randomHex(16);
    private final String craSaltedSecret = randomHex(16);
    private final KeyPair cryptosign = ed25519();
    private @Nullable ServiceProcess router;
    private int rawSocketPort;

    @BeforeAll
    void startRouter() throws Exception {
        InteropPrerequisites.requireAutobahnPythonCryptosign();
        InteropPrerequisites.requireNode("autobahn", "ws", "tweetnacl");
        rawSocketPort = ServiceProcess.freePort();
        List<String> arguments = new ArrayList<>(List.of(
                "--switchboard.router.transport.rawsocket.host=127.0.0.1",
                "--switchboard.router.transport.rawsocket.port=" + rawSocketPort));
        arguments.addAll(realmArguments());
        router = ServiceProcess.start("router-service", arguments.toArray(String[]::new));
        router.awaitHealthy(Duration.ofSeconds(90));
    }

    @AfterAll
    void stopRouter() throws InterruptedException {
        if (router != null) {
            router.close();
        }
    }

    /** The realm as the scripts expect it (see {@code autobahn_python_auth.py}). */
    private List<String> realmArguments() {
        return AuthRealm.arguments(REALM, ticket, craSecret, craSaltedSecret, randomHex(8), publicKeyHex(cryptosign));
    }

    private Map<String, String> credentials() {
        return Map.of("AUTH_TICKET", ticket, "AUTH_CRA_SECRET", craSecret, "AUTH_CRA_SALTED_SECRET", craSaltedSecret,
                "AUTH_CS_SEED", seedHex(cryptosign));
    }

    @TestFactory
    Stream<DynamicContainer> autobahnPython() {
        InteropScenario scenario = InteropScenario.python("autobahn-python", "autobahn_python_auth.py");
        return Stream.of(
                run(scenario, webSocket(), "json", "auth-json"),
                run(scenario, webSocket(), "msgpack", "auth-msgpack"),
                run(scenario, "rs://127.0.0.1:" + rawSocketPort, "cbor", "auth-rawsocket-cbor"));
    }

    @TestFactory
    Stream<DynamicContainer> autobahnJs() {
        InteropScenario scenario = InteropScenario.node("autobahn-js", "autobahn-js-auth.cjs");
        return Stream.of(
                run(scenario, webSocket(), "json", "auth-json"),
                run(scenario, webSocket(), "cbor", "auth-cbor"));
    }

    /** Runs the script only when JUnit executes the container, so the runs take turns. */
    private DynamicContainer run(InteropScenario scenario, String url, String serializer, String variant) {
        return DynamicContainer.dynamicContainer(scenario.client() + " over " + variant,
                Stream.of(variant).flatMap(v -> scenario.run(url, REALM, serializer, v, credentials()).tests()));
    }

    private String webSocket() {
        return "ws://127.0.0.1:" + router.port() + "/ws";
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
    static String publicKeyHex(KeyPair pair) {
        byte[] encoded = pair.getPublic().getEncoded();
        return HEX.formatHex(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
    }

    /** The 32-byte private key (seed), as Autobahn loads it: the end of its PKCS#8 encoding. */
    static String seedHex(KeyPair pair) {
        byte[] encoded = pair.getPrivate().getEncoded();
        return HEX.formatHex(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
    }
}

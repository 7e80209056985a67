package dev.switchboard.systemtests;

import dev.switchboard.wamp.client.router.AuthRealm;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard's own browser WAMP client (ui-service, {@code static/js/wamp/}) on Node.js against the router: ticket
 * and WAMP-CRA (plain and salted) in a realm configured as {@link AuthInteropIT}'s, then RPC with progress, errors,
 * cancel and pub/sub. See {@code src/test/interop/node/switchboard-js.mjs}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SwitchboardJsInteropIT {

    private static final String REALM = "authrealm";

    private final String ticket = randomHex(16);
    private final String craSecret = randomHex(16);
    private final String craSaltedSecret = randomHex(16);
    private @Nullable ServiceProcess router;

    @BeforeAll
    void startRouter() throws Exception {
        InteropPrerequisites.requireNode("ws");
        router = ServiceProcess.start("router-service", Stream.concat(
                Stream.of("--switchboard.router.transport.rawsocket.host=127.0.0.1",
                        "--switchboard.router.transport.rawsocket.port=0"),
                AuthRealm.arguments(REALM, ticket, craSecret, craSaltedSecret, randomHex(8), signerKey()).stream())
                .toArray(String[]::new));
        router.awaitHealthy(Duration.ofSeconds(90));
    }

    @AfterAll
    void stopRouter() throws InterruptedException {
        if (router != null) {
            router.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> switchboardJs() {
        Map<String, String> credentials = Map.of("AUTH_TICKET", ticket, "AUTH_CRA_SECRET", craSecret,
                "AUTH_CRA_SALTED_SECRET", craSaltedSecret);
        return InteropScenario.node("switchboard-js", "switchboard-js.mjs")
                .run("ws://127.0.0.1:" + router.port() + "/ws", REALM, "json", "auth-json", credentials)
                .tests();
    }

    /** A valid Ed25519 public key for the realm's cryptosign principal, which these checks do not use. */
    private static String signerKey() throws GeneralSecurityException {
        return AuthInteropIT.publicKeyHex(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}

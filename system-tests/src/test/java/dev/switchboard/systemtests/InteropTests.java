package dev.switchboard.systemtests;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Interop of one third-party WAMP client with the router: the router runs from its jar as a separate process (one per
 * test class), the client's scenario script runs once per transport and serializer against it, and every check the
 * script reports becomes a test named {@code <client> over <variant> / <check>}.
 *
 * <p>The scripts live under {@code src/test/interop/} and can be run by hand against any router, e.g.
 * {@code node src/test/interop/node/autobahn-js.cjs --url ws://127.0.0.1:8080/ws --serializer cbor}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InteropTests {

    static final String REALM = "realm1";

    /** How a scenario reaches the router. */
    enum Transport { WEBSOCKET, RAWSOCKET }

    /** One run of the scenario: a transport and a serializer. */
    record Variant(Transport transport, String serializer) {

        static List<Variant> webSocket(String... serializers) {
            return Stream.of(serializers).map(s -> new Variant(Transport.WEBSOCKET, s)).toList();
        }

        static List<Variant> rawSocket(String... serializers) {
            return Stream.of(serializers).map(s -> new Variant(Transport.RAWSOCKET, s)).toList();
        }

        @Override
        public String toString() {
            return transport == Transport.WEBSOCKET ? serializer : "rawsocket-" + serializer;
        }
    }

    private @Nullable ServiceProcess router;
    private int rawSocketPort;

    /** The client's scenario. */
    abstract InteropScenario scenario();

    /** The transports and serializers the client supports. */
    abstract List<Variant> variants();

    /** Fails, saying what to install, when the client is missing. */
    abstract void requireClient();

    @BeforeAll
    void startRouter() throws Exception {
        requireClient();
        rawSocketPort = ServiceProcess.freePort();
        router = ServiceProcess.start("router-service",
                "--switchboard.router.transport.rawsocket.host=127.0.0.1",
                "--switchboard.router.transport.rawsocket.port=" + rawSocketPort);
        router.awaitHealthy(Duration.ofSeconds(90));
    }

    @AfterAll
    void stopRouter() throws InterruptedException {
        if (router != null) {
            router.close();
        }
    }

    @TestFactory
    Stream<DynamicContainer> checks() {
        InteropScenario scenario = scenario();
        // Each container runs its script only when JUnit executes it, so the runs take turns.
        return variants().stream().map(variant -> DynamicContainer.dynamicContainer(
                scenario.client() + " over " + variant,
                Stream.of(variant).flatMap(v -> scenario.run(url(v.transport()), REALM, v.serializer(), v.toString())
                        .tests())));
    }

    private String url(Transport transport) {
        return switch (transport) {
            case WEBSOCKET -> "ws://127.0.0.1:" + router.port() + "/ws";
            case RAWSOCKET -> "rs://127.0.0.1:" + rawSocketPort;
        };
    }
}

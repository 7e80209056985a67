package dev.switchboard.wamp.client;

import static dev.switchboard.wamp.client.Clients.await;
import static dev.switchboard.wamp.client.Clients.eventually;
import static dev.switchboard.wamp.client.Clients.failure;
import static dev.switchboard.wamp.client.ConnectionState.DISCONNECTED;
import static dev.switchboard.wamp.client.ConnectionState.ESTABLISHED;
import static dev.switchboard.wamp.client.ConnectionState.RECONNECTING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.client.router.RouterProcess;
import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.message.Payload;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

/**
 * The WebSocket transport against the real router (a router of its own: one test freezes it): the default client on
 * the JDK's WebSocket with large messages, its size limit, pings and connect timeout, the release of its HTTP client,
 * and Spring's {@link StandardWebSocketClient} given to the builder instead.
 */
class TransportIT {

    private static final ReconnectPolicy QUICK =
            new ReconnectPolicy(Duration.ofMillis(50), Duration.ofMillis(500), 2.0, 0.5, Integer.MAX_VALUE);

    private static RouterProcess router;
    private Clients clients;

    @BeforeAll
    static void startRouter() throws Exception {
        router = RouterProcess.launch();
    }

    @AfterAll
    static void stopRouter() throws InterruptedException {
        if (router != null) {
            router.stop();
        }
    }

    @AfterEach
    void closeClients() {
        if (clients != null) {
            clients.close();
        }
    }

    private Clients clients(Serialization serialization, TestInfo test) {
        clients = new Clients(router, serialization, test.getTestMethod().orElseThrow().getName());
        return clients;
    }

    @ParameterizedTest(name = "over {0}")
    @EnumSource(Serialization.class)
    void messagesOfHundredsOfKilobytesTravelWholeBothWays(Serialization serialization, TestInfo test) {
        Clients clients = clients(serialization, test);
        WampClient callee = clients.connect();
        WampClient caller = clients.connect();
        await(callee.register(clients.uri("echo"), invocation -> invocation.arguments()));
        Random random = new Random(42);
        // multi-byte characters too, so that frame boundaries can fall inside one
        String text = random.ints(150_000, 0, 4).mapToObj(i -> switch (i) {
            case 0 -> "a";
            case 1 -> "é";
            case 2 -> "世";
            default -> "🚀";
        }).collect(Collectors.joining());
        byte[] bytes = new byte[100_000];
        random.nextBytes(bytes);

        CallResult result = await(caller.call(clients.uri("echo"), Payload.of(text, bytes)));

        assertThat(result.arg(0)).isEqualTo(text);
        assertThat((byte[]) result.arg(1)).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "over {0}")
    @EnumSource(Serialization.class)
    void messageAboveTheSizeLimitEndsTheSessionWithAClearReason(Serialization serialization, TestInfo test)
            throws InterruptedException {
        Clients clients = clients(serialization, test);
        WampClient callee = clients.connect();
        StateRecorder states = new StateRecorder();
        WampClient caller = clients.connect(builder -> builder.maxMessageSize(64 * 1024)
                .reconnect(ReconnectPolicy.NEVER).stateListener(states));
        await(callee.register(clients.uri("big"), invocation -> Payload.of("x".repeat(100_000))));

        Throwable failure = failure(caller.call(clients.uri("big"), Payload.EMPTY));

        assertThat(failure).isInstanceOf(NotConnectedException.class).hasMessageContaining("more than 65536 bytes");
        eventually(() -> caller.state() == DISCONNECTED); // no retries with this policy
        eventually(() -> !states.causes.isEmpty()); // listeners hear of it after the state changed
        assertThat(states.causes).anySatisfy(cause -> assertThat(cause).hasMessageContaining("1009"));
    }

    @Test
    void silentRouterIsNoticedByThePingTimeoutAndTheClientComesBackWhenItAnswersAgain(TestInfo test)
            throws Exception {
        Clients clients = clients(Serialization.JSON, test);
        WampClient callee = clients.connect();
        StateRecorder states = new StateRecorder();
        WampClient caller = clients.connect(builder -> builder.ping(Duration.ofMillis(200), Duration.ofMillis(500))
                .closeTimeout(Duration.ofMillis(500)).connectTimeout(Duration.ofSeconds(2)).reconnect(QUICK)
                .stateListener(states));
        CountDownLatch invoked = new CountDownLatch(1);
        await(callee.register(clients.uri("slow"), invocation -> {
            invoked.countDown();
            Thread.sleep(60_000);
            return Payload.EMPTY;
        }));
        await(callee.register(clients.uri("echo"), invocation -> invocation.arguments()));
        CallFuture pending = caller.call(clients.uri("slow"), Payload.EMPTY);
        assertThat(invoked.await(10, TimeUnit.SECONDS)).isTrue();

        router.pause();
        try {
            assertThat(failure(pending)).isInstanceOf(NotConnectedException.class)
                    .hasMessageContaining("did not answer a ping");
            eventually(() -> states.reached(RECONNECTING));
            assertThat(failure(caller.call(clients.uri("echo"), Payload.EMPTY)))
                    .isInstanceOf(NotConnectedException.class);
        } finally {
            router.resume();
        }

        eventually(() -> caller.state() == ESTABLISHED);
        assertThat(await(caller.call(clients.uri("echo"), Payload.of("back"))).arg(0)).isEqualTo("back");
    }

    @Test
    void connectTimeoutEndsAnAttemptTheServerNeverAnswers() throws Exception {
        // the kernel accepts the TCP connection; nobody ever answers the opening handshake
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            StateRecorder states = new StateRecorder();
            WampClient client = WampClient.builder(URI.create("ws://127.0.0.1:" + silent.getLocalPort() + "/ws"),
                    "realm1").connectTimeout(Duration.ofMillis(500)).reconnect(ReconnectPolicy.NEVER)
                    .stateListener(states).build();
            try {
                Throwable failure = failure(client.connect());

                assertThat(failure).isInstanceOf(NotConnectedException.class)
                        .hasMessageMatching("(?s).*(connect timeout|timed out).*");
                eventually(() -> client.state() == DISCONNECTED);
            } finally {
                client.close();
            }
        }
    }

    @Test
    void closingTheClientReleasesTheHttpClientItMadeAndALaterConnectMakesANewOne(TestInfo test) throws Exception {
        Clients clients = clients(Serialization.JSON, test);
        Set<Thread> before = selectorThreads();
        WampClient client = clients.connect();
        Set<Thread> made = selectorThreads();
        made.removeAll(before);
        assertThat(made).as("the HTTP client's selector thread").isNotEmpty();

        client.close();

        eventually(() -> made.stream().noneMatch(Thread::isAlive));
        await(client.connect());
        assertThat(await(client.publish(clients.uri("after"), Payload.EMPTY))).isEmpty();
    }

    @ParameterizedTest(name = "over {0}")
    @EnumSource(Serialization.class)
    void springsStandardWebSocketClientCarriesTheSessionWhenGivenToTheBuilder(Serialization serialization,
                                                                              TestInfo test) throws Exception {
        Clients clients = clients(serialization, test);
        WampClient callee = clients.connect(builder -> builder.webSocketClient(new StandardWebSocketClient()));
        WampClient caller = clients.connect(builder -> builder.webSocketClient(new StandardWebSocketClient()));
        await(callee.register(clients.uri("echo"), invocation -> invocation.arguments()));
        CountDownLatch event = new CountDownLatch(1);
        await(callee.subscribe(clients.uri("news"), e -> event.countDown()));

        assertThat(await(caller.call(clients.uri("echo"), Payload.of("over tomcat"))).arg(0)).isEqualTo("over tomcat");
        await(caller.publish(clients.uri("news"), Payload.EMPTY));
        assertThat(event.await(10, TimeUnit.SECONDS)).isTrue();
    }

    /** The selector threads of the JDK's HTTP clients alive now, one per client. */
    private static Set<Thread> selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("HttpClient-")
                        && thread.getName().endsWith("-SelectorManager"))
                .collect(Collectors.toCollection(HashSet::new));
    }
}

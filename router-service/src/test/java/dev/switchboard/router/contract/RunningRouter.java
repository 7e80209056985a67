package dev.switchboard.router.contract;

import static org.awaitility.Awaitility.await;

import dev.switchboard.router.RouterApplication;
import dev.switchboard.router.session.Sessions;
import dev.switchboard.router.transport.RawSocketServer;
import dev.switchboard.wamp.codec.Serialization;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The real router application, started once for every test class that extends this one (they share one Spring
 * context), listening on loopback only, on free ports. Tests connect {@link TestClient}s, which are closed after each
 * test; every session a test opened must then be gone from the router.
 */
@SpringBootTest(classes = RouterApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "server.address=127.0.0.1",
                "switchboard.router.transport.rawsocket.host=127.0.0.1",
                "switchboard.router.transport.rawsocket.port=0",
                // no call waits for long, whatever it asks for
                "switchboard.router.calls.default-timeout=10s",
                "switchboard.router.calls.max-timeout=20s",
                // calls to contract.queued.* wait for a free callee, two at most
                "switchboard.router.calls.queues[0].uri=contract.queued.",
                "switchboard.router.calls.queues[0].match=prefix",
                "switchboard.router.calls.queues[0].capacity=2",
                "spring.main.banner-mode=off"})
abstract class RunningRouter {

    @LocalServerPort
    private int webSocketPort;

    @Autowired
    private RawSocketServer rawSocketServer;

    @Autowired
    Sessions sessions;

    private final List<TestClient> clients = new ArrayList<>();
    private int sessionsBefore;

    @BeforeEach
    void countSessionsBefore() {
        sessionsBefore = sessions.count();
    }

    @AfterEach
    void closeClientsAndCheckTheirSessionsAreGone() {
        clients.forEach(TestClient::close);
        clients.clear();
        awaitSessions(sessionsBefore, "the sessions of this test to leave the router");
    }

    /** Waits up to 5 s until the router has {@code count} sessions. */
    void awaitSessions(int count, String why) {
        await(why).atMost(Duration.ofSeconds(5)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                .until(() -> sessions.count() == count);
    }

    Transport.Endpoints endpoints() {
        return new Transport.Endpoints(webSocketPort, rawSocketServer.port());
    }

    /** A connected client, closed after the test. */
    TestClient connect(Transport transport, Serialization serialization) {
        TestClient client = transport.connect(endpoints(), serialization);
        clients.add(client);
        return client;
    }

    /** Closes {@code client} after the test, with the others. */
    void track(TestClient client) {
        clients.add(client);
    }

    /** A connected client with a session on {@code realm1}. */
    TestClient join(Transport transport, Serialization serialization) {
        TestClient client = connect(transport, serialization);
        client.join();
        return client;
    }

    /** A URI no other test uses, under {@code prefix}: the tests share one router. */
    static String unique(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().replace("-", "");
    }

    /** Used heap after full collections: the least seen over a few, as a collection may leave some behind. */
    static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }
}

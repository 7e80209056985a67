package dev.switchboard.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every application of the suite starts from its jar with {@code java -jar} and reports itself healthy. The
 * applications that talk WAMP are pointed at a router started for them, since they report DOWN without one.
 */
class ServicesStartIT {

    /** The router's RawSocket port would default to 8090 on every interface: keep it on loopback, on a free port. */
    private static final String[] ROUTER_ARGUMENTS = {"--switchboard.router.transport.rawsocket.host=127.0.0.1",
            "--switchboard.router.transport.rawsocket.port=0"};

    private static ServiceProcess router;

    @BeforeAll
    static void startRouter() throws Exception {
        router = ServiceProcess.start("router-service", ROUTER_ARGUMENTS);
        router.awaitHealthy(Duration.ofSeconds(90));
    }

    @AfterAll
    static void stopRouter() throws InterruptedException {
        if (router != null) {
            router.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"router-service", "orchestrator-service", "compute-service", "ui-service"})
    void startsFromItsJarAndAnswersHealth(String module) throws Exception {
        String[] arguments = module.equals("router-service") ? ROUTER_ARGUMENTS
                : new String[] {"--switchboard.wamp.url=ws://127.0.0.1:" + router.port() + "/ws"};
        try (ServiceProcess service = ServiceProcess.start(module, arguments)) {
            String health = service.awaitHealthy(Duration.ofSeconds(90));
            assertThat(health).contains("\"status\":\"UP\"");
        }
    }
}

package dev.switchboard.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every application of the suite starts from its jar with {@code java -jar} and reports itself healthy. */
class ServicesStartIT {

    @ParameterizedTest
    @ValueSource(strings = {"router-service", "orchestrator-service", "compute-service", "ui-service"})
    void startsFromItsJarAndAnswersHealth(String module) throws Exception {
        // the router's RawSocket port would default to 8090 on every interface: keep it on loopback, on a free port
        String[] arguments = module.equals("router-service")
                ? new String[] {"--switchboard.router.transport.rawsocket.host=127.0.0.1",
                        "--switchboard.router.transport.rawsocket.port=0"}
                : new String[0];
        try (ServiceProcess service = ServiceProcess.start(module, arguments)) {
            String health = service.awaitHealthy(Duration.ofSeconds(90));
            assertThat(health).contains("\"status\":\"UP\"");
        }
    }
}

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
        try (ServiceProcess service = ServiceProcess.start(module)) {
            String health = service.awaitHealthy(Duration.ofSeconds(90));
            assertThat(health).contains("\"status\":\"UP\"");
        }
    }
}

package dev.switchboard.wamp.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.client.WampClient;
import dev.switchboard.wamp.spring.WampAutoConfiguration;
import dev.switchboard.wamp.spring.WampValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.json.JsonMapper;

class WampLoadPublisherTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WampAutoConfiguration.class, WampLoadAutoConfiguration.class))
            .withPropertyValues("switchboard.wamp.url=ws://127.0.0.1:1/ws", "switchboard.wamp.reconnect.enabled=false");

    @Test
    void noPublisherWithoutATopic() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(WampLoadPublisher.class));
    }

    @Test
    void sampleCarriesTheStandardLoadFromTheJvm() {
        runner.withPropertyValues("switchboard.wamp.load.topic=tsp.compute.load",
                        "switchboard.wamp.load.instance-id=compute-1")
                .run(context -> {
                    WampLoadPublisher publisher = context.getBean(WampLoadPublisher.class);
                    Map<String, Object> load = publisher.sample();

                    assertThat(publisher.topic()).isEqualTo("tsp.compute.load");
                    assertThat(load).containsEntry("instanceId", "compute-1").containsEntry("kind", "service")
                            .containsEntry("cores", (long) Runtime.getRuntime().availableProcessors())
                            .containsEntry("handlersBusy", 0L)
                            .containsKeys("cpuProcess", "cpuSystem", "heapUsed");
                    assertThat((Long) load.get("heapUsed")).isPositive();
                });
    }

    @Test
    void theProcessLoadIsMeasuredBetweenSamplesWhoeverElseReadsTheJvmsGauge() {
        runner.withPropertyValues("switchboard.wamp.load.topic=tsp.compute.load")
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> {
                    WampLoadPublisher publisher = context.getBean(WampLoadPublisher.class);
                    publisher.sample();
                    long end = System.nanoTime() + 300_000_000;
                    long spins = 0;
                    while (System.nanoTime() < end) {
                        spins++;
                        if ((spins & 0xFFFF) == 0) {
                            // what a metrics scrape does: read the JVM's own process load, just before the sample
                            ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                                    .getOperatingSystemMXBean()).getProcessCpuLoad();
                        }
                    }
                    ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                            .getOperatingSystemMXBean()).getProcessCpuLoad();

                    double load = (Double) publisher.sample().get("cpuProcess");

                    assertThat(load).as("one busy thread of %d cores", Runtime.getRuntime().availableProcessors())
                            .isGreaterThan(0.05).isLessThanOrEqualTo(1.0);
                });
    }

    @Test
    void micrometerGaugesAndContributorsJoinTheSample() {
        AtomicLong queued = new AtomicLong(7);
        runner.withPropertyValues("switchboard.wamp.load.topic=tsp.compute.load", "switchboard.wamp.load.kind=browser",
                        "switchboard.wamp.load.meters=app.queue.size,app.absent")
                .withBean(MeterRegistry.class, () -> {
                    SimpleMeterRegistry registry = new SimpleMeterRegistry();
                    registry.gauge("process.cpu.usage", 0.25);
                    registry.gauge("app.queue.size", queued);
                    return registry;
                })
                .withBean(LoadContributor.class, () -> () -> Map.of("proposalsPerSec", 1234))
                .run(context -> {
                    Map<String, Object> load = context.getBean(WampLoadPublisher.class).sample();

                    assertThat(load).containsEntry("kind", "browser").containsEntry("app.queue.size", 7.0)
                            .containsEntry("proposalsPerSec", 1234L).doesNotContainKey("app.absent");
                    assertThat((String) load.get("instanceId")).startsWith("app-");
                });
    }

    @Test
    void usersOwnPublisherWins() {
        runner.withPropertyValues("switchboard.wamp.load.topic=tsp.compute.load")
                .withBean("myPublisher", WampLoadPublisher.class, () -> new WampLoadPublisher(
                        WampClient.builder(URI.create("ws://127.0.0.1:1/ws"), "x").build(),
                        new WampValues(JsonMapper.builder().build()), null, List.of(), "mine",
                        Duration.ofSeconds(1), "me", "service"))
                .run(context -> assertThat(context.getBean(WampLoadPublisher.class).topic()).isEqualTo("mine"));
    }
}

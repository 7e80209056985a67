package dev.switchboard.wamp.spring.actuate;

import static dev.switchboard.wamp.client.ConnectionState.CONNECTING;
import static dev.switchboard.wamp.client.ConnectionState.ESTABLISHED;
import static dev.switchboard.wamp.client.ConnectionState.JOINING;
import static dev.switchboard.wamp.client.ConnectionState.RECONNECTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.client.WampClient;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.spring.WampAutoConfiguration;
import dev.switchboard.wamp.spring.WampTemplate;
import dev.switchboard.wamp.spring.WampMetricsRecorder;
import dev.switchboard.wamp.spring.WampValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class MicrometerWampMetricsTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerWampMetrics metrics = new MicrometerWampMetrics(registry);
    /** The auto-configuration with a client whose router is never reached. */
    private final ApplicationContextRunner withRouterUnreachable = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WampAutoConfiguration.class, WampMetricsAutoConfiguration.class))
            .withPropertyValues("switchboard.wamp.url=ws://127.0.0.1:1/ws", "switchboard.wamp.reconnect.enabled=false");

    @Test
    void reconnectsCountSessionsAfterTheFirst() {
        metrics.onStateChanged(CONNECTING, JOINING, null);
        metrics.onStateChanged(JOINING, ESTABLISHED, null);
        assertThat(registry.get("wamp.client.reconnects").counter().count()).isZero();
        assertThat(registry.get("wamp.client.connected").gauge().value()).isEqualTo(1.0);

        metrics.onStateChanged(ESTABLISHED, RECONNECTING, null);
        assertThat(registry.get("wamp.client.connected").gauge().value()).isZero();
        metrics.onStateChanged(JOINING, ESTABLISHED, null);
        assertThat(registry.get("wamp.client.reconnects").counter().count()).isEqualTo(1.0);
    }

    @Test
    void callsAreTimedWithTheirOutcomeAndErrorUri() {
        metrics.callCompleted("com.example.add", 2_000_000, null);
        metrics.callCompleted("com.example.add", 4_000_000, "wamp.error.no_such_procedure");

        assertThat(registry.get("wamp.client.calls").tag("outcome", "success").timer().totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(2.0);
        assertThat(registry.get("wamp.client.calls").tag("error", "wamp.error.no_such_procedure").timer().count())
                .isOne();
    }

    @Test
    void callErrorsACalleeChoosesShareOneApplicationErrorSeries() {
        for (int i = 0; i < 50; i++) {
            metrics.callCompleted("com.example.add", 1_000, "com.example.error.order_" + i);
        }
        metrics.callCompleted("com.example.add", 1_000, ErrorUris.NOT_AUTHORIZED);
        metrics.callCompleted("com.example.add", 1_000, ErrorUris.MAX_CONCURRENCY_REACHED);
        metrics.callCompleted("com.example.add", 1_000, "switchboard.error.too_many_pending_calls");
        metrics.callCompleted("com.example.add", 1_000, "wamp.error.runtime_error");
        metrics.callCompleted("com.example.add", 1_000, "wamp.error.made_up_by_a_callee");
        metrics.callCompleted("com.example.add", 1_000, "CancellationException");

        assertThat(registry.get("wamp.client.calls").timers()).extracting(timer -> timer.getId().getTag("error"))
                .containsExactlyInAnyOrder("application_error", ErrorUris.NOT_AUTHORIZED,
                        ErrorUris.MAX_CONCURRENCY_REACHED, "switchboard.error.too_many_pending_calls",
                        "wamp.error.runtime_error", "CancellationException");
        assertThat(registry.get("wamp.client.calls").tag("error", "application_error").timer().count())
                .isEqualTo(51);
    }

    @Test
    void invocationsAndEventsAreTimedPerEndpoint() {
        metrics.invocationCompleted("com.example.add", 1_000, null);
        metrics.eventHandled("com.example.news", 1_000, "IllegalStateException");

        assertThat(registry.get("wamp.endpoint.invocations").tag("procedure", "com.example.add").timer().count())
                .isOne();
        assertThat(registry.get("wamp.endpoint.events").tag("outcome", "error").timer().count()).isOne();
    }

    @Test
    void autoConfiguredWhenTheApplicationHasAMeterRegistry() {
        withRouterUnreachable.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> {
                    assertThat(context.getBean(WampMetricsRecorder.class)).isInstanceOf(MicrometerWampMetrics.class);
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    assertThat(meters.find("wamp.client.reconnects").counter()).isNotNull();
                    assertThat(meters.find("wamp.endpoint.busy").gauge()).isNotNull();
                });
    }

    @Test
    void recordsNothingWithoutAMeterRegistry() {
        withRouterUnreachable.run(context -> assertThat(context.getBean(WampMetricsRecorder.class))
                .isSameAs(WampMetricsRecorder.NONE));
    }

    @Test
    void everyCallOfTheAutoConfiguredClientIsTimedOnceWhetherMadeDirectlyOrThroughTheTemplate() {
        withRouterUnreachable.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> {
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    // no session: both fail at once with wamp.error.network_failure
                    catchThrowable(() -> context.getBean(WampClient.class)
                            .call("com.example.direct", Payload.EMPTY).get(5, TimeUnit.SECONDS));
                    catchThrowable(() -> context.getBean(WampTemplate.class)
                            .call("com.example.template", Payload.EMPTY).get(5, TimeUnit.SECONDS));

                    for (String procedure : List.of("com.example.direct", "com.example.template")) {
                        assertThat(meters.get("wamp.client.calls").tag("procedure", procedure)
                                .tag("outcome", "error").tag("error", ErrorUris.NETWORK_FAILURE).timer().count())
                                .as(procedure).isOne();
                    }
                });
    }

    @Test
    @SuppressWarnings("deprecation")
    void templateBuiltWithTheDeprecatedConstructorStillCallsAndDoesNotCountTwice() {
        withRouterUnreachable.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> {
                    WampTemplate template = new WampTemplate(context.getBean(WampClient.class),
                            context.getBean(WampValues.class), Duration.ofSeconds(5),
                            context.getBean(WampMetricsRecorder.class));
                    catchThrowable(() -> template.call("com.example.old", Payload.EMPTY).get(5, TimeUnit.SECONDS));

                    assertThat(context.getBean(MeterRegistry.class).get("wamp.client.calls")
                            .tag("procedure", "com.example.old").tag("error", ErrorUris.NETWORK_FAILURE).timer()
                            .count()).isOne();
                });
    }

    @Test
    void meterBinderGivesWayToTheApplicationsOwn() {
        SmartInitializingSingleton own = () -> { };
        withRouterUnreachable.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean("wampClientMeterBinder", SmartInitializingSingleton.class, () -> own)
                .run(context -> {
                    assertThat(context.getBean("wampClientMeterBinder")).isSameAs(own);
                    assertThat(context.getBean(MeterRegistry.class).find("wamp.endpoint.busy").gauge()).isNull();
                });
    }
}

package dev.switchboard.wamp.spring.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.switchboard.wamp.client.CallResult;
import dev.switchboard.wamp.client.ConnectionState;
import dev.switchboard.wamp.client.ReconnectPolicy;
import dev.switchboard.wamp.client.Subscription;
import dev.switchboard.wamp.client.WampClient;
import dev.switchboard.wamp.client.WampException;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.spring.WampTemplate;
import dev.switchboard.wamp.spring.endpoint.WampEndpointRegistry;
import dev.switchboard.wamp.client.router.RouterProcess;
import dev.switchboard.wamp.client.router.SharedRouter;
import dev.switchboard.wamp.codec.Serialization;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The example application against the real router, over each serialization: its procedures and subscriptions serve a
 * plain client, and after the router is stopped (it says GOODBYE) or killed (the connections just drop) and started
 * again they serve it again without a restart of the application.
 */
@ParameterizedClass(name = "over {0}")
@EnumSource(Serialization.class)
@ExtendWith(SharedRouter.class)
class ExampleApplicationIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @Parameter
    Serialization serialization;

    private static RouterProcess router;
    private static ConfigurableApplicationContext application;
    private static WampClient caller;

    @BeforeParameterizedClassInvocation
    static void startApplicationAndCaller(Serialization serialization, RouterProcess sharedRouter) throws Exception {
        router = sharedRouter;
        application = new SpringApplicationBuilder(ExampleApplication.class).web(WebApplicationType.NONE)
                .run("--switchboard.wamp.url=" + router.webSocketUrl(),
                        "--switchboard.wamp.serializer=" + serialization.name().toLowerCase(Locale.ROOT),
                        "--switchboard.wamp.reconnect.initial-delay=50ms",
                        "--switchboard.wamp.reconnect.max-delay=500ms");
        caller = WampClient.builder(router.webSocketUrl(), "realm1").serialization(serialization)
                .reconnect(ReconnectPolicy.exponential(Duration.ofMillis(50), Duration.ofMillis(500))).build();
        await(caller.connect());
        eventually(() -> application.getBean(WampEndpointRegistry.class).allEstablished());
    }

    @AfterParameterizedClassInvocation
    static void stopApplicationAndCaller() {
        if (caller != null) {
            caller.close();
        }
        if (application != null) {
            application.close();
        }
    }

    @Test
    void procedureBindsPositionalArgumentsAndYieldsTheReturnValue() {
        assertThat(await(caller.call("com.example.add", Payload.of(2, 3))).arg(0)).isEqualTo(5L);
    }

    @Test
    void recordParameterBindsFromKwargsOrFromTheFirstArgumentAndARecordResultBecomesADict() {
        Map<String, Object> route = Map.of("name", "triangle",
                "points", List.of(Map.of("x", 0, "y", 0), Map.of("x", 3, "y", 4)));
        CallResult fromKwargs = await(caller.call("com.example.summarize", Payload.of(null, route)));
        CallResult fromArgs = await(caller.call("com.example.summarize", Payload.of(route)));

        assertThat(fromKwargs.arg(0)).isEqualTo(Map.of("name", "triangle", "size", 2L, "length", 5.0));
        assertThat(fromArgs.arg(0)).isEqualTo(fromKwargs.arg(0));
    }

    @Test
    void annotatedApplicationExceptionBecomesItsErrorUri() {
        WampException error = wampFailure(caller.call("com.example.summarize",
                Payload.of(null, Map.of("name", "nowhere", "points", List.of()))));

        assertThat(error.error()).isEqualTo("com.example.error.empty_route");
        assertThat(error.args()).containsExactly("route nowhere has no points");
    }

    @Test
    void otherExceptionsBecomeRuntimeErrorsWithTheirMessageOnly() {
        WampException error = wampFailure(caller.call("com.example.fail", Payload.EMPTY));

        assertThat(error.error()).isEqualTo("wamp.error.runtime_error");
        assertThat(error.args()).containsExactly("broken on purpose");
    }

    @Test
    void argumentsThatDoNotConvertAreInvalid() {
        WampException error = wampFailure(caller.call("com.example.add", Payload.of("two", 3)));

        assertThat(error.error()).isEqualTo("wamp.error.invalid_argument");
    }

    @Test
    void procedureSendsProgressiveResults() {
        List<Object> progress = new CopyOnWriteArrayList<>();
        CallResult result = await(caller.call("com.example.count", Payload.of(4), CallOptions.DEFAULT,
                chunk -> progress.add(chunk.arg(0))));

        assertThat(result.arg(0)).isEqualTo(4L);
        assertThat(progress).containsExactly(1L, 2L, 3L);
    }

    @Test
    void subscribersReceiveStringsAndRecords() throws InterruptedException {
        Calculator calculator = application.getBean(Calculator.class);
        await(caller.publish("com.example.news", Payload.of("hello")));
        await(caller.publish("com.example.routes",
                Payload.of(Map.of("name", "dot", "points", List.of(Map.of("x", 1.5, "y", 2))))));

        assertThat(calculator.headlines.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("hello");
        assertThat(calculator.routes.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .isEqualTo(new Calculator.Route("dot", List.of(new Calculator.Point(1.5, 2))));
    }

    @Test
    void proceduresAndSubscriptionsWorkAgainAfterTheRouterIsStoppedAndStarted() throws Exception {
        double reconnects = reconnects();
        router.stop();
        assertWorkAgainAfterTheRouterIsBack(reconnects);
    }

    @Test
    void proceduresAndSubscriptionsWorkAgainAfterTheRouterIsKilledAndStarted() throws Exception {
        double reconnects = reconnects();
        router.kill();
        assertWorkAgainAfterTheRouterIsBack(reconnects);
    }

    private void assertWorkAgainAfterTheRouterIsBack(double reconnectsBefore) throws Exception {
        WampClient applicationClient = application.getBean(WampClient.class);
        HealthIndicator health = application.getBean("wampHealthIndicator", HealthIndicator.class);
        eventually(() -> applicationClient.state() != ConnectionState.ESTABLISHED);
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        router.start();
        eventually(() -> applicationClient.state() == ConnectionState.ESTABLISHED
                && caller.state() == ConnectionState.ESTABLISHED);
        eventually(() -> application.getBean(WampEndpointRegistry.class).allEstablished());

        procedureBindsPositionalArgumentsAndYieldsTheReturnValue();
        subscribersReceiveStringsAndRecords();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(reconnects()).isGreaterThan(reconnectsBefore);
    }

    private static double reconnects() {
        return application.getBean(MeterRegistry.class).get("wamp.client.reconnects").counter().count();
    }

    @Test
    void loadIsPublishedWithTheStandardEntriesAndTheConfiguredMeters() {
        BlockingQueue<Map<String, Object>> loads = new LinkedBlockingQueue<>();
        Subscription subscription = await(caller.subscribe("com.example.load", event -> loads.add(event.kwargs())));
        try {
            Map<String, Object> load = loads.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(load).isNotNull().containsEntry("kind", "service")
                    .containsEntry("wamp.client.connected", 1.0).containsKey("wamp.endpoint.busy")
                    .containsKeys("instanceId", "cpuProcess", "cpuSystem", "cores", "heapUsed", "handlersBusy");
            assertThat((String) load.get("instanceId")).startsWith("example-");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            await(subscription.unsubscribe());
        }
    }

    @Test
    void templateCallsWithApplicationObjectsAndMeasuresTheCalls() throws InterruptedException {
        WampTemplate template = application.getBean(WampTemplate.class);
        Calculator.Route route = new Calculator.Route("line", List.of(new Calculator.Point(0, 0),
                new Calculator.Point(6, 8)));

        assertThat(await(template.call("com.example.add", Long.class, 20, 22))).isEqualTo(42L);
        assertThat(await(template.callWithKwargs("com.example.summarize", Calculator.Summary.class, route)))
                .isEqualTo(new Calculator.Summary("line", 2, 10.0));
        MeterRegistry meters = application.getBean(MeterRegistry.class);
        // the client observes the outcome alongside the caller, not necessarily before it
        eventually(() -> callTimer(meters, "com.example.summarize", "success", "none") != null);
        assertThat(callTimer(meters, "com.example.summarize", "success", "none").count()).isOne();

        await(caller.publish("com.example.routes", Payload.of(Map.of("name", "check", "points", List.of()))));
        Calculator calculator = application.getBean(Calculator.class);
        assertThat(calculator.routes.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void callsMadeOnTheApplicationsClientDirectlyAreMeasuredWithTheirOutcome() throws InterruptedException {
        WampClient client = application.getBean(WampClient.class);
        MeterRegistry meters = application.getBean(MeterRegistry.class);

        assertThat(await(client.call("com.example.count", Payload.of(1))).arg(0)).isEqualTo(1L);
        assertThat(wampFailure(client.call("com.example.fail", Payload.EMPTY)).error())
                .isEqualTo("wamp.error.runtime_error");

        eventually(() -> callTimer(meters, "com.example.count", "success", "none") != null
                && callTimer(meters, "com.example.fail", "error", "wamp.error.runtime_error") != null);
        Timer success = callTimer(meters, "com.example.count", "success", "none");
        assertThat(success.count()).isOne();
        assertThat(success.totalTime(TimeUnit.NANOSECONDS)).isPositive();
        assertThat(callTimer(meters, "com.example.fail", "error", "wamp.error.runtime_error").count()).isOne();
    }

    private static @Nullable Timer callTimer(MeterRegistry meters, String procedure, String outcome, String error) {
        return meters.find("wamp.client.calls").tag("procedure", procedure).tag("outcome", outcome)
                .tag("error", error).timer();
    }

    @Test
    void healthAndMetricsReportTheRouterConnectionAndTheTraffic() {
        procedureBindsPositionalArgumentsAndYieldsTheReturnValue();

        assertThat(application.getBean("wampHealthIndicator", HealthIndicator.class).health().getStatus())
                .isEqualTo(Status.UP);
        MeterRegistry meters = application.getBean(MeterRegistry.class);
        assertThat(meters.get("wamp.endpoint.invocations").tag("procedure", "com.example.add").timer().count())
                .isPositive();
        assertThat(meters.get("wamp.client.connected").gauge().value()).isEqualTo(1.0);
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the future failed: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new AssertionError("the future did not complete within " + TIMEOUT, e);
        }
    }

    private static WampException wampFailure(Future<?> future) {
        Throwable thrown = catchThrowable(() -> future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        assertThat(thrown).isInstanceOf(ExecutionException.class);
        assertThat(thrown.getCause()).isInstanceOf(WampException.class);
        return (WampException) thrown.getCause();
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + TIMEOUT);
            }
            Thread.sleep(20);
        }
    }
}

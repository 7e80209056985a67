package dev.switchboard.wamp.spring.actuate;

import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.client.ConnectionState;
import dev.switchboard.wamp.client.ConnectionStateListener;
import dev.switchboard.wamp.spring.WampMetricsRecorder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The starter's metrics in Micrometer:
 * <ul>
 * <li>{@code wamp.client.calls}: timer of every call of the auto-configured client (through {@code WampTemplate} or
 *     the {@code WampClient} directly), tagged {@code procedure}, {@code outcome} (success, error) and {@code error}
 *     (a standard error URI: the spec's {@code wamp.error.*}, {@code crossbar.error.max_concurrency_reached} or
 *     {@code switchboard.error.too_many_pending_calls}, with {@code wamp.error.network_failure} when there was no
 *     session or it was lost; {@value #APPLICATION_ERROR} for any other URI, which a callee chooses, so that its
 *     errors cannot create meters without bound; the exception's class name such as {@code CancellationException};
 *     or none);</li>
 * <li>{@code wamp.endpoint.invocations}: timer of invocations of annotated procedures, tagged {@code procedure},
 *     {@code outcome} and {@code error} (the URI the application's own procedure answered with, or the exception's
 *     class name);</li>
 * <li>{@code wamp.endpoint.events}: timer of events handled by annotated subscribers, tagged {@code topic},
 *     {@code outcome} and {@code error};</li>
 * <li>{@code wamp.client.reconnects}: counter of sessions established after the first;</li>
 * <li>{@code wamp.client.connected}: gauge, 1 while the session is established;</li>
 * <li>{@code wamp.endpoint.busy}: gauge of the invocations and events the annotated endpoints are handling.</li>
 * </ul>
 */
public final class MicrometerWampMetrics implements WampMetricsRecorder, ConnectionStateListener {

    private final MeterRegistry registry;
    private final Counter reconnects;
    private final AtomicBoolean connected = new AtomicBoolean();
    private final AtomicBoolean everConnected = new AtomicBoolean();

    public MicrometerWampMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.reconnects = Counter.builder("wamp.client.reconnects")
                .description("WAMP sessions established after the first").register(registry);
        registry.gauge("wamp.client.connected", connected, flag -> flag.get() ? 1 : 0);
    }

    @Override
    public void callCompleted(String procedure, long nanos, @Nullable String error) {
        timer("wamp.client.calls", "procedure", procedure, error == null ? null : callErrorTag(error))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void invocationCompleted(String procedure, long nanos, @Nullable String error) {
        timer("wamp.endpoint.invocations", "procedure", procedure, error).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void eventHandled(String topic, long nanos, @Nullable String error) {
        timer("wamp.endpoint.events", "topic", topic, error).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void onStateChanged(ConnectionState previous, ConnectionState current, @Nullable Throwable cause) {
        connected.set(current == ConnectionState.ESTABLISHED);
        if (current == ConnectionState.ESTABLISHED && everConnected.getAndSet(true)) {
            reconnects.increment();
        }
    }

    private Timer timer(String name, String uriTag, String uri, @Nullable String error) {
        return Timer.builder(name).tag(uriTag, uri).tag("outcome", error == null ? "success" : "error")
                .tag("error", error == null ? "none" : error).register(registry);
    }

    /** A standard error URI or an exception's class name as it is; any other URI as {@value #APPLICATION_ERROR}. */
    static String callErrorTag(String error) {
        boolean uri = error.indexOf('.') >= 0; // exception class names are simple names, without dots
        return !uri || ErrorUris.isStandard(error) ? error : APPLICATION_ERROR;
    }
}

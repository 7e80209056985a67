package dev.switchboard.wamp.spring;

import dev.switchboard.wamp.client.CallResult;
import dev.switchboard.wamp.client.WampClient;
import dev.switchboard.wamp.client.WampOptions;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.Payload;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls and publishes with application objects: arguments are turned into plain WAMP values with the application's
 * {@link JsonMapper} (a record becomes a dict), results are turned back into the type asked for, every call carries
 * the configured timeout ({@code switchboard.wamp.call-timeout}). For anything else use the {@link WampClient} bean
 * itself. (The auto-configured client's calls are measured by the client itself, whichever way they are made; an
 * application that defines its own {@code WampClient} bean attaches the metrics itself, with
 * {@code WampClient.Builder.callObserver} calling {@link WampMetricsRecorder#callCompleted}.)
 */
public final class WampTemplate {

    private final WampClient client;
    private final WampValues values;
    private final Duration callTimeout;

    public WampTemplate(WampClient client, WampValues values, Duration callTimeout) {
        this.client = client;
        this.values = values;
        this.callTimeout = callTimeout;
    }

    /**
     * A template whose calls were measured by {@code metrics}.
     *
     * @deprecated calls are measured by the client's {@link dev.switchboard.wamp.client.CallObserver} now (the
     *             auto-configured client has one); {@code metrics} is ignored, so that no call is counted twice. Use
     *             {@link #WampTemplate(WampClient, WampValues, Duration)}, and for a client of your own attach the
     *             recorder with {@code WampClient.Builder.callObserver}.
     */
    @Deprecated(since = "0.1.0")
    public WampTemplate(WampClient client, WampValues values, Duration callTimeout, WampMetricsRecorder metrics) {
        this(client, values, callTimeout);
    }

    public WampClient client() {
        return client;
    }

    /**
     * Calls {@code procedure} with positional arguments and converts the first positional result to
     * {@code resultType} ({@code null} when there is none).
     */
    public <T> CompletableFuture<@Nullable T> call(String procedure, Class<T> resultType, @Nullable Object... args) {
        return call(procedure, Payload.of(values.toPlainList(Arrays.asList(args)), null))
                .thenApply(result -> values.convert(result.arg(0), resultType));
    }

    /** Calls {@code procedure} with the properties of {@code kwargs} (a record, a bean or a map) as keyword arguments. */
    public <T> CompletableFuture<@Nullable T> callWithKwargs(String procedure, Class<T> resultType, Object kwargs) {
        return call(procedure, Payload.of(null, values.toPlainMap(kwargs)))
                .thenApply(result -> values.convert(result.arg(0), resultType));
    }

    /** Calls {@code procedure} with the configured timeout. */
    public CompletableFuture<CallResult> call(String procedure, Payload.Arguments arguments) {
        CallOptions options = callTimeout.isZero() ? CallOptions.DEFAULT
                : WampOptions.call().timeout(callTimeout).build();
        return client.call(procedure, arguments, options);
    }

    /** Publishes positional arguments, converted to plain values, without acknowledgement. */
    public CompletableFuture<OptionalLong> publish(String topic, @Nullable Object... args) {
        return client.publish(topic, Payload.of(values.toPlainList(Arrays.asList(args)), null));
    }

    /** Publishes the properties of {@code kwargs} (a record, a bean or a map) as keyword arguments. */
    public CompletableFuture<OptionalLong> publishKwargs(String topic, Object kwargs) {
        Map<String, Object> plain = values.toPlainMap(kwargs);
        return client.publish(topic, Payload.of(null, plain));
    }
}

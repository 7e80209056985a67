package dev.switchboard.wamp.spring;

import dev.switchboard.wamp.client.CallResult;
import dev.switchboard.wamp.client.WampClient;
import dev.switchboard.wamp.client.WampException;
import dev.switchboard.wamp.client.WampOptions;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.Payload;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls and publishes with application objects: arguments are turned into plain WAMP values with the application's
 * {@link JsonMapper} (a record becomes a dict), results are turned back into the type asked for, every call carries
 * the configured timeout ({@code switchboard.wamp.call-timeout}) and is measured. For anything else use the
 * {@link WampClient} bean itself.
 */
public final class WampTemplate {

    private final WampClient client;
    private final WampValues values;
    private final Duration callTimeout;
    private final WampMetricsRecorder metrics;

    public WampTemplate(WampClient client, WampValues values, Duration callTimeout, WampMetricsRecorder metrics) {
        this.client = client;
        this.values = values;
        this.callTimeout = callTimeout;
        this.metrics = metrics;
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

    /** Calls {@code procedure} with the configured timeout, measuring it. */
    public CompletableFuture<CallResult> call(String procedure, Payload.Arguments arguments) {
        CallOptions options = callTimeout.isZero() ? CallOptions.DEFAULT
                : WampOptions.call().timeout(callTimeout).build();
        long start = System.nanoTime();
        return client.call(procedure, arguments, options).whenComplete((result, failure) ->
                metrics.callCompleted(procedure, System.nanoTime() - start, failure == null ? null : errorOf(failure)));
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

    static String errorOf(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof WampException wamp ? wamp.error() : cause.getClass().getSimpleName();
    }
}

package dev.switchboard.orchestrator.api;

import dev.switchboard.orchestrator.run.ComputeGateway;
import dev.switchboard.tsp.api.AnnealRequest;
import dev.switchboard.tsp.api.AnnealResult;
import dev.switchboard.tsp.api.TspUris;
import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.client.CallFuture;
import dev.switchboard.wamp.client.CallResult;
import dev.switchboard.wamp.client.WampClient;
import dev.switchboard.wamp.client.WampException;
import dev.switchboard.wamp.client.WampOptions;
import dev.switchboard.wamp.message.CancelMode;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.spring.WampValues;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The compute instances over WAMP: {@code tsp.compute.anneal} calls with the dealer's timeout, and the callee count
 * from the registration meta API ({@code wamp.registration.lookup}, then {@code wamp.registration.count_callees}).
 */
final class WampCompute implements ComputeGateway {

    private static final String LOOKUP = "wamp.registration.lookup";
    private static final String COUNT_CALLEES = "wamp.registration.count_callees";

    private final WampClient client;
    private final WampValues values;

    WampCompute(WampClient client, WampValues values) {
        this.client = client;
        this.values = values;
    }

    @Override
    public Call anneal(AnnealRequest request, Duration timeout) {
        Map<String, Object> kwargs = new LinkedHashMap<>();
        kwargs.put("problemId", request.problemId());
        kwargs.put("tour", request.tour());
        kwargs.put("t0", request.t0());
        kwargs.put("t1", request.t1());
        kwargs.put("durationMs", request.durationMs());
        kwargs.put("seed", request.seed());
        CallFuture call;
        try {
            call = client.call(TspUris.COMPUTE_ANNEAL, Payload.of(null, kwargs),
                    WampOptions.call().timeout(timeout).build());
        } catch (RuntimeException e) {
            return failed(new ComputeException(Failure.LOST, "not connected: " + e.getMessage()));
        }
        CompletableFuture<AnnealResult> result = call
                .orTimeout(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS)
                .handle((answer, failure) -> {
                    if (failure != null) {
                        throw classify(failure);
                    }
                    return resultOf(answer);
                });
        return Call.of(result, () -> call.cancel(CancelMode.KILL));
    }

    private AnnealResult resultOf(CallResult answer) {
        Object plain = answer.kwargs() != null && !answer.kwargs().isEmpty() ? answer.kwargs() : answer.arg(0);
        try {
            AnnealResult result = values.convert(plain, AnnealResult.class);
            if (result == null) {
                throw new IllegalArgumentException("no result");
            }
            return result;
        } catch (RuntimeException e) {
            throw new ComputeException(Failure.LOST, "not an anneal result: " + e.getMessage());
        }
    }

    private static ComputeException classify(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof ComputeException compute) {
            return compute;
        }
        if (cause instanceof WampException wamp) {
            boolean noSlot = ErrorUris.MAX_CONCURRENCY_REACHED.equals(wamp.error())
                    || ErrorUris.NO_SUCH_PROCEDURE.equals(wamp.error());
            return new ComputeException(noSlot ? Failure.NO_FREE_SLOT : Failure.LOST, wamp.error());
        }
        return new ComputeException(Failure.LOST, cause.toString());
    }

    private static Call failed(ComputeException failure) {
        return Call.of(CompletableFuture.failedFuture(failure), () -> { });
    }

    @Override
    public CompletableFuture<Integer> callees() {
        try {
            return client.call(LOOKUP, Payload.of(List.of(TspUris.COMPUTE_ANNEAL), null))
                    .thenCompose(lookup -> {
                        @Nullable Object id = lookup.arg(0);
                        if (!(id instanceof Number registration)) {
                            return CompletableFuture.completedFuture(0);
                        }
                        return client.call(COUNT_CALLEES, Payload.of(List.of(registration.longValue()), null))
                                .thenApply(count -> count.arg(0) instanceof Number number ? number.intValue() : 0);
                    });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}

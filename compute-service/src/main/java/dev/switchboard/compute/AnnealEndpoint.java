package dev.switchboard.compute;

import dev.switchboard.tsp.api.AnnealRequest;
import dev.switchboard.tsp.api.AnnealResult;
import dev.switchboard.tsp.api.TspUris;
import dev.switchboard.wamp.client.IncomingInvocation;
import dev.switchboard.wamp.client.WampException;
import dev.switchboard.wamp.client.WampOptions;
import dev.switchboard.wamp.message.InvocationPolicy;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.RegisterOptions;
import dev.switchboard.wamp.spring.WampValues;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The {@code tsp.compute.anneal} handler. The registration is shared (round robin) with a {@code concurrency} of
 * {@code switchboard.compute.concurrency} (default: the available cores), which is why it is registered here rather
 * than with {@code @WampProcedure}, whose {@code concurrency} is a constant. The kernel runs on a pool of that many
 * platform threads (CPU-bound work would otherwise pin the client's virtual-thread carriers); the kernel polls the
 * invocation's interrupted state, so a cancelled call stops within about a millisecond.
 */
public final class AnnealEndpoint implements AutoCloseable {

    private final AnnealService service;
    private final WampValues values;
    private final int concurrency;
    private final ExecutorService kernels;
    private volatile boolean closed;

    public AnnealEndpoint(AnnealService service, WampValues values, int concurrency) {
        this.service = service;
        this.values = values;
        this.concurrency = concurrency;
        AtomicInteger count = new AtomicInteger();
        this.kernels = Executors.newFixedThreadPool(concurrency, task -> {
            Thread thread = new Thread(task, "anneal-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The registration options: shared round robin with the configured concurrency. */
    public RegisterOptions options() {
        return WampOptions.register().invoke(InvocationPolicy.ROUNDROBIN).concurrency(concurrency).build();
    }

    public int concurrency() {
        return concurrency;
    }

    /** Handles one INVOCATION: kwargs (or a dict in args[0]) in, the result as a dict in args[0] and as kwargs. */
    public Payload.Arguments invoke(IncomingInvocation invocation) throws InterruptedException {
        AnnealRequest request = AnnealService.parse(requestOf(invocation));
        BooleanSupplier cancelled = () -> closed || invocation.isInterrupted();
        Future<AnnealResult> running;
        try {
            running = kernels.submit(() -> service.anneal(request, cancelled));
        } catch (RuntimeException e) {
            throw new WampException("wamp.error.canceled", "the compute instance is shutting down");
        }
        AnnealResult result;
        try {
            result = running.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        }
        Map<String, Object> plain = values.toPlainMap(result);
        return Payload.of(List.of(plain), plain);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> requestOf(IncomingInvocation invocation) {
        Map<String, Object> kwargs = invocation.kwargs();
        if ((kwargs == null || kwargs.isEmpty()) && !invocation.args().isEmpty()
                && invocation.args().get(0) instanceof Map<?, ?> dict) {
            return (Map<String, Object>) dict;
        }
        return kwargs;
    }

    @Override
    public void close() {
        closed = true;
        kernels.shutdownNow();
    }

    static String uri() {
        return TspUris.COMPUTE_ANNEAL;
    }
}

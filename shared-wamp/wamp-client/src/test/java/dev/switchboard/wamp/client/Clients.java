package dev.switchboard.wamp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.switchboard.wamp.client.router.RouterProcess;
import dev.switchboard.wamp.codec.Serialization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * The clients of one test against a router, all closed at its end, and the waiting the tests do. Every URI a test
 * uses starts with a prefix of its own, so that tests sharing a router never meet.
 */
final class Clients implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final RouterProcess router;
    private final Serialization serialization;
    private final String prefix;
    private final List<WampClient> clients = new ArrayList<>();

    Clients(RouterProcess router, Serialization serialization, String testName) {
        this.router = router;
        this.serialization = serialization;
        this.prefix = "it." + serialization.name().toLowerCase(Locale.ROOT) + "."
                + testName.replaceAll("[^A-Za-z0-9_]", "_").toLowerCase(Locale.ROOT) + ".";
    }

    /** A URI of this test: {@code it.<serialization>.<test>.<name>}. */
    String uri(String name) {
        return prefix + name;
    }

    WampClient.Builder builder() {
        return WampClient.builder(router.webSocketUrl(), "realm1").serialization(serialization);
    }

    /** A connected client of realm1. */
    WampClient connect() {
        return connect(builder -> builder);
    }

    WampClient connect(UnaryOperator<WampClient.Builder> configure) {
        WampClient client = add(configure.apply(builder()).build());
        await(client.connect());
        return client;
    }

    WampClient add(WampClient client) {
        clients.add(client);
        return client;
    }

    @Override
    public void close() {
        clients.forEach(WampClient::close);
    }

    static <T> T await(Future<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the future failed: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new AssertionError("the future did not complete within " + TIMEOUT, e);
        }
    }

    /** The exception {@code future} fails with (within the timeout), unwrapped. */
    static Throwable failure(CompletableFuture<?> future) {
        Throwable thrown = catchThrowable(() -> future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        assertThat(thrown).as("the future should fail").isInstanceOf(ExecutionException.class);
        Throwable cause = thrown.getCause();
        return cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause;
    }

    /** The {@link WampException} {@code future} fails with. */
    static WampException wampFailure(CompletableFuture<?> future) {
        Throwable cause = failure(future);
        assertThat(cause).isInstanceOf(WampException.class);
        return (WampException) cause;
    }

    static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + TIMEOUT);
            }
            Thread.sleep(10);
        }
    }
}

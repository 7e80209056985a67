package dev.switchboard.wamp.spring;

import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.client.WampException;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * What the starter reports about the traffic it handles: every call of the auto-configured {@code WampClient} (made
 * through {@link WampTemplate} or on the client directly; the recorder is the client's
 * {@link dev.switchboard.wamp.client.CallObserver}), and invocations and events handled by annotated endpoints. The
 * Micrometer implementation is configured when the application has a {@code MeterRegistry}; otherwise nothing is
 * recorded.
 */
public interface WampMetricsRecorder {

    /** Records nothing. */
    WampMetricsRecorder NONE = new WampMetricsRecorder() {
    };

    /**
     * A call of the auto-configured client ended.
     *
     * @param error the WAMP error URI it failed with (a lost or missing session: {@code wamp.error.network_failure}),
     *              or the exception's simple class name (e.g. {@code CancellationException}); {@code null} on success
     */
    default void callCompleted(String procedure, long nanos, @Nullable String error) {
    }

    /** An invocation of an annotated procedure ended, answered with {@code error} ({@code null}: a result). */
    default void invocationCompleted(String procedure, long nanos, @Nullable String error) {
    }

    /** An event reached an annotated subscriber, which threw {@code error} ({@code null}: it did not). */
    default void eventHandled(String topic, long nanos, @Nullable String error) {
    }

    /** The {@code error} of a call answered with an error URI that is not a standard one: an application's. */
    String APPLICATION_ERROR = "application_error";

    /**
     * The {@code error} of {@link #callCompleted}: a standard WAMP error URI ({@link ErrorUris#isStandard}) as it is,
     * any other (a callee's own, dotted or not) as {@value #APPLICATION_ERROR}, so that callees cannot add series
     * without bound; for anything but a {@link WampException}, the exception's simple class name.
     */
    static String errorOf(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof WampException wamp) {
            return ErrorUris.isStandard(wamp.error()) ? wamp.error() : APPLICATION_ERROR;
        }
        return cause.getClass().getSimpleName();
    }
}

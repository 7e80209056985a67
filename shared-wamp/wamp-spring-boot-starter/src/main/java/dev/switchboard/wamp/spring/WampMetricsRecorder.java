package dev.switchboard.wamp.spring;

import org.jspecify.annotations.Nullable;

/**
 * What the starter reports about the traffic it handles: calls made through {@link WampTemplate}, and invocations
 * and events handled by annotated endpoints. The Micrometer implementation is configured when the application has a
 * {@code MeterRegistry}; otherwise nothing is recorded.
 */
public interface WampMetricsRecorder {

    /** Records nothing. */
    WampMetricsRecorder NONE = new WampMetricsRecorder() {
    };

    /**
     * A call made through {@link WampTemplate} ended.
     *
     * @param error the WAMP error URI it failed with (or the exception's class name), {@code null} on success
     */
    default void callCompleted(String procedure, long nanos, @Nullable String error) {
    }

    /** An invocation of an annotated procedure ended, answered with {@code error} ({@code null}: a result). */
    default void invocationCompleted(String procedure, long nanos, @Nullable String error) {
    }

    /** An event reached an annotated subscriber, which threw {@code error} ({@code null}: it did not). */
    default void eventHandled(String topic, long nanos, @Nullable String error) {
    }
}

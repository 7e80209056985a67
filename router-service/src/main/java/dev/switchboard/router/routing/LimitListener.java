package dev.switchboard.router.routing;

/**
 * Hears a configured limit ({@code switchboard.router.limits.*}) refuse something, for metrics. Called on the thread
 * that enforced the limit (a routing loop or a transport thread); must be cheap and thread-safe.
 */
@FunctionalInterface
public interface LimitListener {

    LimitListener NONE = limit -> { };

    /**
     * @param limit the limit's name as configured, e.g. {@code pending-calls-per-session}
     */
    void onLimitExceeded(String limit);
}

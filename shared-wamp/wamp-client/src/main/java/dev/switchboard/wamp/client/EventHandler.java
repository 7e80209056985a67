package dev.switchboard.wamp.client;

/**
 * Receives the events of a subscription, one at a time and in the order the broker sent them, on the client's
 * handler executor (never on the transport's thread). An exception it throws is logged; the next event still comes.
 */
@FunctionalInterface
public interface EventHandler {

    void onEvent(IncomingEvent event) throws Exception;
}

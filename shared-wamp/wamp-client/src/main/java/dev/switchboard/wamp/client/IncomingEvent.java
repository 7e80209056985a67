package dev.switchboard.wamp.client;

import dev.switchboard.wamp.message.EventDetails;
import dev.switchboard.wamp.message.Payload;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An EVENT, as a subscriber's {@link EventHandler} sees it.
 *
 * @param topic         the topic published to: the subscribed URI, or for a pattern-based subscription the URI the
 *                      publisher used
 * @param publicationId the publication's id (the same for every subscriber of one publication)
 * @param details       the {@code EVENT.Details}: publisher identity when disclosed, {@code retained}
 * @param arguments     the publication's arguments
 */
public record IncomingEvent(String topic, long publicationId, EventDetails details, Payload.Arguments arguments) {

    public List<Object> args() {
        return arguments.args();
    }

    public Map<String, Object> kwargs() {
        return arguments.kwargs();
    }

    /** The positional argument at {@code index}, or {@code null} when there is none (or it is JSON null). */
    public @Nullable Object arg(int index) {
        return index < arguments.args().size() ? arguments.args().get(index) : null;
    }
}

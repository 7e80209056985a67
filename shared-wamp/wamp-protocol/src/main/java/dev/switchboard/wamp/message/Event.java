package dev.switchboard.wamp.message;

import java.util.Objects;

/**
 * Sent by the broker to each subscriber of a publication's topic.
 *
 * <pre>{@code [EVENT, SUBSCRIBED.Subscription|id, PUBLISHED.Publication|id, Details|dict]}</pre>
 * <pre>{@code [EVENT, SUBSCRIBED.Subscription|id, PUBLISHED.Publication|id, Details|dict, PUBLISH.Arguments|list]}</pre>
 * <pre>{@code [EVENT, SUBSCRIBED.Subscription|id, PUBLISHED.Publication|id, Details|dict, PUBLISH.Arguments|list, PUBLISH.ArgumentsKw|dict]}</pre>
 */
public record Event(long subscriptionId, long publicationId, EventDetails details, Payload payload) implements WampMessage {

    public static final int TYPE = 36;

    public Event {
        Objects.requireNonNull(payload, "EVENT.Arguments");
        Objects.requireNonNull(details, "EVENT.Details");
        Check.id(subscriptionId, "EVENT.Subscription");
        Check.id(publicationId, "EVENT.Publication");
    }

    @Override
    public int type() {
        return TYPE;
    }
}

package dev.switchboard.wamp.message;

import java.util.Objects;

/**
 * Sent by a publisher to publish an event to a topic.
 *
 * <pre>{@code [PUBLISH, Request|id, Options|dict, Topic|uri]}</pre>
 * <pre>{@code [PUBLISH, Request|id, Options|dict, Topic|uri, Arguments|list]}</pre>
 * <pre>{@code [PUBLISH, Request|id, Options|dict, Topic|uri, Arguments|list, ArgumentsKw|dict]}</pre>
 */
public record Publish(long requestId, PublishOptions options, String topic, Payload payload) implements WampMessage {

    public static final int TYPE = 16;

    public Publish {
        Objects.requireNonNull(payload, "PUBLISH.Arguments");
        Objects.requireNonNull(topic, "PUBLISH.Topic");
        Objects.requireNonNull(options, "PUBLISH.Options");
        Check.id(requestId, "PUBLISH.Request");
        Check.uri(topic, "PUBLISH.Topic");
    }

    @Override
    public int type() {
        return TYPE;
    }
}

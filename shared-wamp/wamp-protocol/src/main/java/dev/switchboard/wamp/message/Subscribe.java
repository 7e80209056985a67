package dev.switchboard.wamp.message;

import java.util.Objects;

/**
 * Sent by a subscriber to subscribe to a topic or topic pattern.
 *
 * <pre>{@code [SUBSCRIBE, Request|id, Options|dict, Topic|uri]}</pre>
 */
public record Subscribe(long requestId, SubscribeOptions options, String topic) implements WampMessage {

    public static final int TYPE = 32;

    public Subscribe {
        Objects.requireNonNull(topic, "SUBSCRIBE.Topic");
        Objects.requireNonNull(options, "SUBSCRIBE.Options");
        Check.id(requestId, "SUBSCRIBE.Request");
        Check.pattern(topic, options.match(), "SUBSCRIBE.Topic");
    }

    @Override
    public int type() {
        return TYPE;
    }
}

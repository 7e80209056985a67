package dev.switchboard.wamp.message;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code EVENT.Details}: the publisher's session, authid and authrole (publisher identification), the concrete
 * {@code topic} (for pattern-based subscriptions), and {@code retained} (the event was stored by the broker and
 * delivered on subscribe).
 *
 * @param other entries not typed here, passed through unchanged
 */
public record EventDetails(@Nullable Long publisher, @Nullable String publisherAuthid,
                           @Nullable String publisherAuthrole, @Nullable String topic, boolean retained,
                           Map<String, Object> other) {

    public static final EventDetails DEFAULT = new EventDetails(null, null, null, null, false, Map.of());

    public EventDetails {
        other = Values.map(other);
    }

    public static EventDetails fromWire(Map<String, Object> wire) {
        if (wire.isEmpty()) {
            return DEFAULT;
        }
        WireFields fields = new WireFields("EVENT.Details", wire).passthrough();
        return new EventDetails(
                fields.id("publisher"),
                fields.string("publisher_authid"),
                fields.string("publisher_authrole"),
                fields.uri("topic"),
                fields.bool("retained", false),
                fields.other());
    }

    public Map<String, Object> toWire() {
        return new WireFields.Writer()
                .put("publisher", publisher)
                .put("publisher_authid", publisherAuthid)
                .put("publisher_authrole", publisherAuthrole)
                .put("topic", topic)
                .flag("retained", retained, false)
                .with(other);
    }
}

package dev.switchboard.wamp.message;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code ABORT.Details} and {@code GOODBYE.Details}: an optional human-readable {@code message}.
 *
 * @param other entries not typed here, passed through unchanged
 */
public record CloseDetails(@Nullable String message, Map<String, Object> other) {

    public static final CloseDetails DEFAULT = new CloseDetails(null, Map.of());

    public CloseDetails {
        other = Values.map(other);
    }

    public static CloseDetails message(String message) {
        return new CloseDetails(message, Map.of());
    }

    public static CloseDetails fromWire(String where, Map<String, Object> wire) {
        if (wire.isEmpty()) {
            return DEFAULT;
        }
        WireFields fields = new WireFields(where, wire);
        return new CloseDetails(fields.string("message"), fields.other());
    }

    public Map<String, Object> toWire() {
        return new WireFields.Writer().put("message", message).with(other);
    }
}

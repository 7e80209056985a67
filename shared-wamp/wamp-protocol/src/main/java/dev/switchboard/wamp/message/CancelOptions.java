package dev.switchboard.wamp.message;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code CANCEL.Options}: {@code mode} (call canceling).
 *
 * @param mode  {@code null} when the caller leaves it to the dealer
 * @param other entries not typed here, passed through unchanged
 */
public record CancelOptions(@Nullable CancelMode mode, Map<String, Object> other) {

    public static final CancelOptions DEFAULT = new CancelOptions(null, Map.of());

    public CancelOptions {
        other = Values.map(other);
    }

    public static CancelOptions fromWire(Map<String, Object> wire) {
        if (wire.isEmpty()) {
            return DEFAULT;
        }
        WireFields fields = new WireFields("CANCEL.Options", wire);
        return new CancelOptions(
                fields.named("mode", CancelMode::fromWireName, null, "skip, kill or killnowait"),
                fields.other());
    }

    public Map<String, Object> toWire() {
        return new WireFields.Writer().put("mode", mode == null ? null : mode.wireName()).with(other);
    }
}

package dev.switchboard.wamp.message;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code INTERRUPT.Options}: {@code mode} (kill or killnowait) and {@code reason}, the error URI the dealer
 * reports to the caller (e.g. {@code wamp.error.canceled} or {@code wamp.error.timeout}).
 *
 * @param other entries not typed here, passed through unchanged
 */
public record InterruptOptions(@Nullable CancelMode mode, @Nullable String reason, Map<String, Object> other) {

    public static final InterruptOptions DEFAULT = new InterruptOptions(null, null, Map.of());

    public InterruptOptions {
        other = Values.map(other);
    }

    public static InterruptOptions fromWire(Map<String, Object> wire) {
        if (wire.isEmpty()) {
            return DEFAULT;
        }
        WireFields fields = new WireFields("INTERRUPT.Options", wire);
        return new InterruptOptions(
                fields.named("mode", CancelMode::fromWireName, null, "skip, kill or killnowait"),
                fields.uri("reason"),
                fields.other());
    }

    public Map<String, Object> toWire() {
        return new WireFields.Writer()
                .put("mode", mode == null ? null : mode.wireName())
                .put("reason", reason)
                .with(other);
    }
}

package dev.switchboard.wamp.message;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code INTERRUPT.Options}: {@code mode} (kill or killnowait) and {@code reason}, the error URI the dealer
 * reports to the caller (e.g. {@code wamp.error.canceled} or {@code wamp.error.timeout}). The mode is never
 * {@code skip}: a call canceled with skip sends the callee no INTERRUPT (advanced profile, "Call Canceling").
 *
 * @param other entries not typed here, passed through unchanged
 */
public record InterruptOptions(@Nullable CancelMode mode, @Nullable String reason, Map<String, Object> other) {

    public static final InterruptOptions DEFAULT = new InterruptOptions(null, null, Map.of());

    public InterruptOptions {
        if (mode == CancelMode.SKIP) {
            throw new IllegalArgumentException("INTERRUPT.Options.mode must be kill or killnowait, got skip");
        }
        other = Values.map(other);
    }

    public static InterruptOptions fromWire(Map<String, Object> wire) {
        if (wire.isEmpty()) {
            return DEFAULT;
        }
        WireFields fields = new WireFields("INTERRUPT.Options", wire);
        return new InterruptOptions(
                fields.named("mode", InterruptOptions::interruptMode, null, "kill or killnowait"),
                fields.uri("reason"),
                fields.other());
    }

    private static @Nullable CancelMode interruptMode(String name) {
        CancelMode mode = CancelMode.fromWireName(name);
        return mode == CancelMode.SKIP ? null : mode;
    }

    public Map<String, Object> toWire() {
        return new WireFields.Writer()
                .put("mode", mode == null ? null : mode.wireName())
                .put("reason", reason)
                .with(other);
    }
}

package dev.switchboard.wamp.message;

import java.util.Map;

/**
 * {@code YIELD.Options}: {@code progress} (this is a progressive result, more follow).
 *
 * @param other entries not typed here, passed through unchanged
 */
public record YieldOptions(boolean progress, Map<String, Object> other) {

    public static final YieldOptions DEFAULT = new YieldOptions(false, Map.of());
    public static final YieldOptions PROGRESS = new YieldOptions(true, Map.of());

    public YieldOptions {
        other = Values.map(other);
    }

    public static YieldOptions fromWire(Map<String, Object> wire) {
        if (wire.isEmpty()) {
            return DEFAULT;
        }
        WireFields fields = new WireFields("YIELD.Options", wire).passthrough();
        return new YieldOptions(fields.bool("progress", false), fields.other());
    }

    public Map<String, Object> toWire() {
        return new WireFields.Writer().flag("progress", progress, false).with(other);
    }
}

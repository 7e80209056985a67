package dev.switchboard.wamp.message;

import java.util.Map;

/**
 * {@code RESULT.Details}: {@code progress} (a progressive result, more follow).
 *
 * @param other entries not typed here, passed through unchanged
 */
public record ResultDetails(boolean progress, Map<String, Object> other) {

    public static final ResultDetails DEFAULT = new ResultDetails(false, Map.of());
    public static final ResultDetails PROGRESS = new ResultDetails(true, Map.of());

    public ResultDetails {
        other = Values.map(other);
    }

    public static ResultDetails fromWire(Map<String, Object> wire) {
        if (wire.isEmpty()) {
            return DEFAULT;
        }
        WireFields fields = new WireFields("RESULT.Details", wire).passthrough();
        return new ResultDetails(fields.bool("progress", false), fields.other());
    }

    public Map<String, Object> toWire() {
        return new WireFields.Writer().flag("progress", progress, false).with(other);
    }
}

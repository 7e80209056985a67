package dev.switchboard.wamp.message;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code CALL.Options}: {@code timeout} in milliseconds (call timeout; 0 or absent: none),
 * {@code receive_progress} (progressive call results), {@code progress} (this CALL is one chunk of a progressive
 * call invocation, more follow), {@code disclose_me} (caller identification).
 *
 * @param other entries not typed here, passed through unchanged
 */
public record CallOptions(@Nullable Long timeout, boolean receiveProgress, boolean progress, boolean discloseMe,
                          Map<String, Object> other) {

    public static final CallOptions DEFAULT = new CallOptions(null, false, false, false, Map.of());

    public CallOptions {
        other = Values.map(other);
    }

    public static CallOptions fromWire(Map<String, Object> wire) {
        if (wire.isEmpty()) {
            return DEFAULT;
        }
        WireFields fields = new WireFields("CALL.Options", wire).passthrough();
        return new CallOptions(
                fields.nonNegative("timeout"),
                fields.bool("receive_progress", false),
                fields.bool("progress", false),
                fields.bool("disclose_me", false),
                fields.other());
    }

    public Map<String, Object> toWire() {
        return new WireFields.Writer()
                .put("timeout", timeout)
                .flag("receive_progress", receiveProgress, false)
                .flag("progress", progress, false)
                .flag("disclose_me", discloseMe, false)
                .with(other);
    }
}

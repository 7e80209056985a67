package dev.switchboard.wamp.message;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code INVOCATION.Details}: the caller's session, authid and authrole (caller identification), the concrete
 * {@code procedure} (for pattern-based registrations), {@code receive_progress} (the caller accepts progressive
 * results), {@code progress} (more chunks of a progressive call invocation follow), and {@code timeout} in
 * milliseconds (the callee may stop working after it).
 *
 * @param other entries not typed here, passed through unchanged
 */
public record InvocationDetails(@Nullable Long caller, @Nullable String callerAuthid,
                                @Nullable String callerAuthrole, @Nullable String procedure,
                                boolean receiveProgress, boolean progress, @Nullable Long timeout,
                                Map<String, Object> other) {

    public static final InvocationDetails DEFAULT =
            new InvocationDetails(null, null, null, null, false, false, null, Map.of());

    public InvocationDetails {
        other = Values.map(other);
    }

    public static InvocationDetails fromWire(Map<String, Object> wire) {
        if (wire.isEmpty()) {
            return DEFAULT;
        }
        WireFields fields = new WireFields("INVOCATION.Details", wire).passthrough();
        return new InvocationDetails(
                fields.id("caller"),
                fields.string("caller_authid"),
                fields.string("caller_authrole"),
                fields.uri("procedure"),
                fields.bool("receive_progress", false),
                fields.bool("progress", false),
                fields.nonNegative("timeout"),
                fields.other());
    }

    public Map<String, Object> toWire() {
        return new WireFields.Writer()
                .put("caller", caller)
                .put("caller_authid", callerAuthid)
                .put("caller_authrole", callerAuthrole)
                .put("procedure", procedure)
                .flag("receive_progress", receiveProgress, false)
                .flag("progress", progress, false)
                .put("timeout", timeout)
                .with(other);
    }
}

package dev.switchboard.wamp.message;

import dev.switchboard.wamp.Match;
import java.util.Map;

/**
 * {@code SUBSCRIBE.Options}: {@code match} (pattern-based subscription) and {@code get_retained} (event retention).
 *
 * @param other entries not typed here, passed through unchanged
 */
public record SubscribeOptions(Match match, boolean getRetained, Map<String, Object> other) {

    public static final SubscribeOptions DEFAULT = new SubscribeOptions(Match.EXACT, false, Map.of());

    public SubscribeOptions {
        other = Values.map(other);
    }

    public static SubscribeOptions fromWire(Map<String, Object> wire) {
        if (wire.isEmpty()) {
            return DEFAULT;
        }
        WireFields fields = new WireFields("SUBSCRIBE.Options", wire).passthrough();
        return new SubscribeOptions(
                fields.named("match", Match::fromWireName, Match.EXACT, "exact, prefix or wildcard"),
                fields.bool("get_retained", false),
                fields.other());
    }

    public Map<String, Object> toWire() {
        return new WireFields.Writer()
                .put("match", match == Match.EXACT ? null : match.wireName())
                .flag("get_retained", getRetained, false)
                .with(other);
    }
}

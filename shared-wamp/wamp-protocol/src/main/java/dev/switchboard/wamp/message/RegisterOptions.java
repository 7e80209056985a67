package dev.switchboard.wamp.message;

import dev.switchboard.wamp.Match;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code REGISTER.Options}: {@code match} (pattern-based registration), {@code invoke} (shared registration),
 * {@code concurrency} (the most invocations this callee runs at once, a Crossbar.io extension), and
 * {@code force_reregister} (take the registration over from the callees that hold it), {@code disclose_caller}.
 *
 * @param concurrency {@code null} when unlimited
 * @param other       entries not typed here, passed through unchanged
 */
public record RegisterOptions(Match match, InvocationPolicy invoke, @Nullable Integer concurrency,
                              boolean forceReregister, boolean discloseCaller, Map<String, Object> other) {

    public static final RegisterOptions DEFAULT =
            new RegisterOptions(Match.EXACT, InvocationPolicy.SINGLE, null, false, false, Map.of());

    public RegisterOptions {
        other = Values.map(other);
    }

    public static RegisterOptions fromWire(Map<String, Object> wire) {
        if (wire.isEmpty()) {
            return DEFAULT;
        }
        WireFields fields = new WireFields("REGISTER.Options", wire).passthrough();
        return new RegisterOptions(
                fields.named("match", Match::fromWireName, Match.EXACT, "exact, prefix or wildcard"),
                fields.named("invoke", InvocationPolicy::fromWireName, InvocationPolicy.SINGLE,
                        "single, roundrobin, random, first or last"),
                fields.positiveInt("concurrency"),
                fields.bool("force_reregister", false),
                fields.bool("disclose_caller", false),
                fields.other());
    }

    public Map<String, Object> toWire() {
        return new WireFields.Writer()
                .put("match", match == Match.EXACT ? null : match.wireName())
                .put("invoke", invoke == InvocationPolicy.SINGLE ? null : invoke.wireName())
                .put("concurrency", concurrency)
                .flag("force_reregister", forceReregister, false)
                .flag("disclose_caller", discloseCaller, false)
                .with(other);
    }
}

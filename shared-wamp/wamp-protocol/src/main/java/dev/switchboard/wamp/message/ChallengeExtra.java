package dev.switchboard.wamp.message;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code CHALLENGE.Extra}: the {@code challenge} string (WAMP-CRA: a JSON document to sign; cryptosign: hex
 * nonce), and for WAMP-CRA with salted secrets the PBKDF2 parameters {@code salt}, {@code iterations} and
 * {@code keylen}.
 *
 * @param other entries not typed here, passed through unchanged
 */
public record ChallengeExtra(@Nullable String challenge, @Nullable String salt, @Nullable Integer iterations,
                             @Nullable Integer keylen, Map<String, Object> other) {

    public static final ChallengeExtra DEFAULT = new ChallengeExtra(null, null, null, null, Map.of());

    public ChallengeExtra {
        other = Values.map(other);
    }

    public static ChallengeExtra fromWire(Map<String, Object> wire) {
        if (wire.isEmpty()) {
            return DEFAULT;
        }
        WireFields fields = new WireFields("CHALLENGE.Extra", wire);
        return new ChallengeExtra(
                fields.string("challenge"),
                fields.string("salt"),
                fields.positiveInt("iterations"),
                fields.positiveInt("keylen"),
                fields.other());
    }

    public Map<String, Object> toWire() {
        return new WireFields.Writer()
                .put("challenge", challenge)
                .put("salt", salt)
                .put("iterations", iterations)
                .put("keylen", keylen)
                .with(other);
    }
}

package dev.switchboard.router.auth;

import dev.switchboard.wamp.message.ChallengeExtra;
import dev.switchboard.wamp.message.HelloDetails;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code wampcra} (advanced profile, "WAMP Challenge-Response Authentication"): the router sends a JSON challenge
 * naming the identity and a fresh nonce; the client answers with the Base64 HMAC-SHA256 of the challenge under its
 * key. Salted users are configured with their PBKDF2 parameters and the router keeps only the derived key; their
 * CHALLENGE carries {@code salt}, {@code iterations} and {@code keylen} so the client can derive the same key.
 */
public final class WampCraAuthenticator implements Authenticator {

    /**
     * A user as configured.
     *
     * @param salt {@code null} for an unsalted secret
     */
    public record User(String role, String secret, @Nullable String salt, int iterations, int keylen) {
    }

    private record Key(String role, byte[] key, @Nullable String salt, int iterations, int keylen) {
    }

    private final Map<String, Key> keys;

    public WampCraAuthenticator(Map<String, User> users) {
        Map<String, Key> derived = new HashMap<>();
        users.forEach((authid, user) -> derived.put(authid, new Key(user.role(),
                user.salt() == null ? user.secret().getBytes(StandardCharsets.UTF_8)
                        : Secrets.wampCraKey(user.secret(), user.salt(), user.iterations(), user.keylen()),
                user.salt(), user.iterations(), user.keylen())));
        this.keys = Map.copyOf(derived);
    }

    @Override
    public String method() {
        return "wampcra";
    }

    @Override
    public AuthOutcome hello(String realm, HelloDetails details) {
        String authid = details.authid();
        Key known = authid == null ? null : keys.get(authid);
        // unknown authids get a challenge too, answered by nobody, so that probing learns nothing
        Key key = known != null ? known : new Key("", Secrets.randomBytes(32), null, 0, 0);
        String challenge = challenge(authid == null ? "" : authid, key.role());
        ChallengeExtra extra = key.salt() == null
                ? new ChallengeExtra(challenge, null, null, null, Map.of())
                : new ChallengeExtra(challenge, key.salt(), key.iterations(), key.keylen(), Map.of());
        byte[] expected = Base64.getEncoder().encode(Secrets.hmacSha256(key.key(), challenge));
        return new AuthOutcome.Challenge("wampcra", extra, answer -> {
            boolean valid = Secrets.equal(answer.signature().getBytes(StandardCharsets.UTF_8), expected);
            return valid && known != null
                    ? new AuthOutcome.Accept(authid, known.role(), "wampcra", "static", Map.of())
                    : Denials.FAILED;
        });
    }

    /** The challenge document: who is authenticating, and a nonce and timestamp that make it unique. */
    private static String challenge(String authid, String authrole) {
        return "{\"authid\":" + jsonString(authid)
                + ",\"authrole\":" + jsonString(authrole)
                + ",\"authmethod\":\"wampcra\",\"authprovider\":\"static\""
                + ",\"nonce\":\"" + HexFormat.of().formatHex(Secrets.randomBytes(16)) + "\""
                + ",\"timestamp\":\"" + Instant.now() + "\"}";
    }

    private static String jsonString(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}

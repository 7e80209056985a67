package dev.switchboard.wamp.client.internal.auth;

import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.client.Authenticator;
import dev.switchboard.wamp.client.WampException;
import dev.switchboard.wamp.message.Authenticate;
import dev.switchboard.wamp.message.ChallengeExtra;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code wampcra} (advanced profile, "Challenge Response Authentication"): the signature is
 * {@code Base64(HMAC-SHA256(key, challenge))}, where the key is the secret, or for a salted secret (the challenge
 * names {@code salt}, {@code iterations} and {@code keylen}) the Base64 text of
 * {@code PBKDF2-HMAC-SHA256(secret, salt, iterations, keylen)}, the derived key working as the shared secret. Absent
 * PBKDF2 parameters default to 1000 iterations and 32 bytes, as Autobahn and Crossbar.io have them.
 */
public final class WampCraAuthenticator implements Authenticator {

    private static final int DEFAULT_ITERATIONS = 1000;
    private static final int DEFAULT_KEY_LENGTH = 32;

    private final String secret;

    public WampCraAuthenticator(String secret) {
        this.secret = secret;
    }

    @Override
    public String authMethod() {
        return "wampcra";
    }

    @Override
    public Authenticate authenticate(ChallengeExtra challenge) {
        if (challenge.challenge() == null) {
            throw new WampException(ErrorUris.AUTHENTICATION_FAILED, "the wampcra challenge has no challenge string");
        }
        byte[] key = challenge.salt() == null ? secret.getBytes(StandardCharsets.UTF_8)
                : deriveKey(secret, challenge.salt(),
                        challenge.iterations() == null ? DEFAULT_ITERATIONS : challenge.iterations(),
                        challenge.keylen() == null ? DEFAULT_KEY_LENGTH : challenge.keylen())
                        .getBytes(StandardCharsets.US_ASCII);
        return new Authenticate(sign(key, challenge.challenge()), Map.of());
    }

    /** The salted secret: {@code Base64(PBKDF2-HMAC-SHA256(secret, salt, iterations, keylen))}. */
    public static String deriveKey(String secret, String salt, int iterations, int keylen) {
        try {
            PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt.getBytes(StandardCharsets.UTF_8),
                    iterations, keylen * 8);
            byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return Base64.getEncoder().encodeToString(derived);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        }
    }

    /** {@code Base64(HMAC-SHA256(key, challenge))}. */
    public static String sign(byte[] key, String challenge) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(hmac.doFinal(challenge.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "wampcra authenticator"; // never the secret
    }
}

package dev.switchboard.router.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/** The cryptography the authenticators share: PBKDF2, HMAC-SHA256, random nonces, constant-time comparison. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** PBKDF2-HMAC-SHA256 of {@code secret}, {@code keylen} bytes. */
    public static byte[] pbkdf2(String secret, byte[] salt, int iterations, int keylen) {
        try {
            PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, keylen * 8);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        }
    }

    /** HMAC-SHA256 of {@code message} with {@code key}. */
    public static byte[] hmacSha256(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * The WAMP-CRA key of a user (advanced profile, "WAMP-CRA"): the secret's bytes, or for a salted secret the Base64
     * text of its PBKDF2-HMAC-SHA256 derivation, as clients compute it.
     */
    public static byte[] wampCraKey(String secret, String salt, int iterations, int keylen) {
        byte[] derived = pbkdf2(secret, salt.getBytes(StandardCharsets.UTF_8), iterations, keylen);
        return Base64.getEncoder().encode(derived);
    }

    public static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Compares in time independent of where the inputs differ. */
    public static boolean equal(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}

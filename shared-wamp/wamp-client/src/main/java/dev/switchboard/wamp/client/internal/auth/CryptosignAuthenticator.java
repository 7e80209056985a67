package dev.switchboard.wamp.client.internal.auth;

import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.client.Authenticator;
import dev.switchboard.wamp.client.WampException;
import dev.switchboard.wamp.message.Authenticate;
import dev.switchboard.wamp.message.ChallengeExtra;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

/**
 * {@code cryptosign} (advanced profile, "Cryptosign-based Authentication"): Ed25519 with the JDK's implementation.
 * HELLO carries the public key ({@code authextra.pubkey}, hex); the answer to the 32-byte challenge (hex) is the
 * 64-byte signature of the challenge followed by the challenge, hex-encoded (96 bytes). TLS channel binding is not
 * supported: a challenge that asks for it is refused.
 */
public final class CryptosignAuthenticator implements Authenticator {

    private static final int KEY_LENGTH = 32;
    private static final int CHALLENGE_LENGTH = 32;
    private static final HexFormat HEX = HexFormat.of();

    private final PrivateKey privateKey;
    private final String publicKeyHex;

    /** @param seed the 32-byte Ed25519 private key (RFC 8032's secret key, the seed of the key pair) */
    public CryptosignAuthenticator(byte[] seed) {
        if (seed.length != KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 private key has 32 bytes, not " + seed.length);
        }
        KeyPair pair = keyPair(seed);
        this.privateKey = pair.getPrivate();
        byte[] encoded = pair.getPublic().getEncoded(); // X.509 SubjectPublicKeyInfo: the raw key is its tail
        this.publicKeyHex = HEX.formatHex(Arrays.copyOfRange(encoded, encoded.length - KEY_LENGTH, encoded.length));
    }

    /**
     * The key pair of {@code seed}. The JDK derives the public key only while generating a pair, drawing the private
     * key as 32 random bytes: a source of randomness that yields exactly the seed, once, makes it derive ours.
     */
    private static KeyPair keyPair(byte[] seed) {
        SecureRandom seedOnce = new SecureRandom() {
            private boolean used;

            @Override
            public void nextBytes(byte[] bytes) {
                if (used || bytes.length != seed.length) {
                    throw new IllegalStateException("unexpected use of the Ed25519 seed source");
                }
                used = true;
                System.arraycopy(seed, 0, bytes, 0, seed.length);
            }
        };
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, seedOnce);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    @Override
    public String authMethod() {
        return "cryptosign";
    }

    /** The public key, hex-encoded, as {@code HELLO.Details.authextra.pubkey}. */
    public String publicKey() {
        return publicKeyHex;
    }

    @Override
    public Map<String, Object> authExtra() {
        return Map.of("pubkey", publicKeyHex);
    }

    @Override
    public Authenticate authenticate(ChallengeExtra challenge) {
        if (challenge.other().get("channel_binding") != null) {
            throw new WampException(ErrorUris.AUTHENTICATION_FAILED,
                    "cryptosign with TLS channel binding is not supported by this client");
        }
        byte[] message;
        try {
            message = challenge.challenge() == null ? new byte[0] : HEX.parseHex(challenge.challenge());
        } catch (IllegalArgumentException notHex) {
            message = new byte[0];
        }
        if (message.length != CHALLENGE_LENGTH) {
            throw new WampException(ErrorUris.AUTHENTICATION_FAILED,
                    "a cryptosign challenge is 32 bytes, hex-encoded");
        }
        return new Authenticate(HEX.formatHex(sign(message)) + HEX.formatHex(message), Map.of());
    }

    private byte[] sign(byte[] message) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(privateKey);
            ed25519.update(message);
            return ed25519.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with Ed25519", e);
        }
    }

    @Override
    public String toString() {
        return "cryptosign authenticator, public key " + publicKeyHex;
    }
}

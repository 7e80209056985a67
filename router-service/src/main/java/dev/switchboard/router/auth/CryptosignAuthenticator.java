package dev.switchboard.router.auth;

import dev.switchboard.wamp.message.ChallengeExtra;
import dev.switchboard.wamp.message.HelloDetails;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code cryptosign} (advanced profile, "WAMP-Cryptosign"): the client names its Ed25519 public key in
 * {@code HELLO.Details.authextra.pubkey} (hex), the router challenges it with 32 random bytes (hex), and the client
 * answers with the hex of its signature of them, optionally followed by the challenge itself (as Autobahn sends it).
 * Each challenge is fresh, so a recorded answer cannot be replayed. Uses the JDK's Ed25519.
 */
public final class CryptosignAuthenticator implements Authenticator {

    /** The DER prefix that makes a raw 32-byte Ed25519 key an X.509 SubjectPublicKeyInfo. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final HexFormat HEX = HexFormat.of();

    /** A principal as configured: its role and the public keys (hex) it may authenticate with. */
    public record Principal(String role, List<String> authorizedKeys) {
    }

    private final Map<String, Principal> principals;
    private final Map<String, String> authidByKey = new HashMap<>();

    public CryptosignAuthenticator(Map<String, Principal> principals) {
        this.principals = Map.copyOf(principals);
        principals.forEach((authid, principal) -> principal.authorizedKeys()
                .forEach(key -> authidByKey.put(key.toLowerCase(Locale.ROOT), authid)));
    }

    @Override
    public String method() {
        return "cryptosign";
    }

    @Override
    public AuthOutcome hello(String realm, HelloDetails details) {
        String pubkey = details.authextra().get("pubkey") instanceof String key
                ? key.toLowerCase(Locale.ROOT) : null;
        String authid = details.authid() != null ? details.authid() : pubkey == null ? null : authidByKey.get(pubkey);
        Principal principal = authid == null ? null : principals.get(authid);
        boolean authorized = principal != null && pubkey != null && authid.equals(authidByKey.get(pubkey));
        PublicKey key = authorized ? publicKey(pubkey) : null;
        // an unauthorized key is challenged like an authorized one and then refused, so probing learns nothing
        byte[] challenge = Secrets.randomBytes(32);
        return new AuthOutcome.Challenge("cryptosign",
                new ChallengeExtra(HEX.formatHex(challenge), null, null, null, Map.of()),
                answer -> key != null && verify(key, challenge, answer.signature())
                        ? new AuthOutcome.Accept(authid, principal.role(), "cryptosign", "static",
                                Map.of("pubkey", pubkey))
                        : Denials.FAILED);
    }

    private static boolean verify(PublicKey key, byte[] challenge, String answer) {
        byte[] bytes;
        try {
            bytes = HEX.parseHex(answer);
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        if (bytes.length != 64 && !(bytes.length == 96 && Secrets.equal(
                Arrays.copyOfRange(bytes, 64, 96), challenge))) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(challenge);
            return signature.verify(Arrays.copyOf(bytes, 64));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static @Nullable PublicKey publicKey(String hex) {
        try {
            byte[] raw = HEX.parseHex(hex);
            if (raw.length != 32) {
                return null;
            }
            byte[] der = new byte[X509_PREFIX.length + 32];
            System.arraycopy(X509_PREFIX, 0, der, 0, X509_PREFIX.length);
            System.arraycopy(raw, 0, der, X509_PREFIX.length, 32);
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return null;
        }
    }
}

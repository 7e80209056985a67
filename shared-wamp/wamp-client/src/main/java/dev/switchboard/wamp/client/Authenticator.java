package dev.switchboard.wamp.client;

import dev.switchboard.wamp.client.internal.auth.AnonymousAuthenticator;
import dev.switchboard.wamp.client.internal.auth.CryptosignAuthenticator;
import dev.switchboard.wamp.client.internal.auth.TicketAuthenticator;
import dev.switchboard.wamp.client.internal.auth.WampCraAuthenticator;
import dev.switchboard.wamp.message.Authenticate;
import dev.switchboard.wamp.message.ChallengeExtra;
import java.util.HexFormat;
import java.util.Map;

/**
 * One authentication method the client offers in HELLO ({@code authmethods}, in the order the authenticators are
 * given to the builder) and answers the router's CHALLENGE for (advanced profile, "Authentication"). The
 * {@code authid} to authenticate as is set on the builder.
 */
public interface Authenticator {

    /** The method's name in {@code HELLO.Details.authmethods} and {@code CHALLENGE.AuthMethod}. */
    String authMethod();

    /** What this method adds to {@code HELLO.Details.authextra} (cryptosign: the public key). */
    default Map<String, Object> authExtra() {
        return Map.of();
    }

    /**
     * The answer to a CHALLENGE for this method.
     *
     * @throws WampException if the challenge cannot be answered: the client then aborts the opening with that
     *                       error and does not retry
     */
    Authenticate authenticate(ChallengeExtra challenge);

    /** {@code anonymous}: no credentials; the router's answer is WELCOME or ABORT, never a CHALLENGE. */
    static Authenticator anonymous() {
        return AnonymousAuthenticator.INSTANCE;
    }

    /** {@code ticket}: the ticket (e.g. a token or password) is sent as the signature, as it is. */
    static Authenticator ticket(String ticket) {
        return new TicketAuthenticator(ticket);
    }

    /**
     * {@code wampcra}: the signature is the Base64 HMAC-SHA256 of the challenge keyed with the secret, or, when the
     * challenge names a salt, with the Base64 PBKDF2-HMAC-SHA256 key derived from the secret (salted secrets).
     */
    static Authenticator wampcra(String secret) {
        return new WampCraAuthenticator(secret);
    }

    /**
     * {@code cryptosign}: Ed25519. The public key goes to the router in {@code authextra.pubkey}; the signature is
     * the Ed25519 signature of the 32-byte challenge followed by the challenge itself, hex-encoded.
     *
     * @param privateKeyHex the 32-byte private key (seed), hex-encoded, as Autobahn and Crossbar.io store it
     */
    static Authenticator cryptosign(String privateKeyHex) {
        return new CryptosignAuthenticator(HexFormat.of().parseHex(privateKeyHex));
    }
}

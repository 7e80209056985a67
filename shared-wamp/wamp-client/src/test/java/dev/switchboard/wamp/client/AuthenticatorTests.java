package dev.switchboard.wamp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.message.ChallengeExtra;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The authentication methods against the WAMP specification's examples and test vectors (advanced profile,
 * "Challenge Response Authentication" and "Cryptosign-based Authentication"), and against values computed with
 * Autobahn|Python's {@code autobahn.wamp.auth} where the specification gives none.
 */
class AuthenticatorTests {

    /** The challenge of the specification's WAMP-CRA example, as one line. */
    private static final String CRA_CHALLENGE = "{\"nonce\": \"LHRTC9zeOIrt_9U3\", \"authprovider\": \"userdb\", "
            + "\"authid\": \"peter\", \"timestamp\": \"2014-06-22T16:36:25.448Z\", \"authrole\": \"user\", "
            + "\"authmethod\": \"wampcra\", \"session\": 3251278072152162}";

    private static ChallengeExtra cra(String salt, Integer iterations, Integer keylen) {
        return new ChallengeExtra(CRA_CHALLENGE, salt, iterations, keylen, Map.of());
    }

    @Test
    void wampcraWithASaltedSecretSignsAsTheSpecificationsExample() {
        // the specification's AUTHENTICATE example: secret "secret1" salted with "salt123", 1000 iterations, 32 bytes
        assertThat(Authenticator.wampcra("secret1").authenticate(cra("salt123", 1000, 32)).signature())
                .isEqualTo("gir1mSx+deCDUV7wRM5SGIn/+R/ClqLZuH4m7FJeBVI=");
    }

    @Test
    void wampcraWithoutPbkdf2ParametersUsesAutobahnsDefaults() {
        assertThat(Authenticator.wampcra("secret1").authenticate(cra("salt123", null, null)).signature())
                .isEqualTo("gir1mSx+deCDUV7wRM5SGIn/+R/ClqLZuH4m7FJeBVI=");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // secret | salt | iterations | keylen | signature (autobahn.wamp.auth.compute_wcs)
            "secret1   |         |      |    | vb/MUq65p6Xs4P09HfsDI4VmI8HWO3whf0vNe4IdogQ=",
            "pässwörd€ |         |      |    | gv3TkNKau3IUvBPFEu9abVwblAASJYeIZ/cbUNWISMA=",
            "secret1   | salt123 | 100  | 16 | KSjvsv81QFaEUgPoW6k5ylRnmH3ycgMy3TgOMtWr0UQ="})
    void wampcraSignsLikeAutobahn(String secret, String salt, Integer iterations, Integer keylen, String signature) {
        assertThat(Authenticator.wampcra(secret).authenticate(cra(salt, iterations, keylen)).signature())
                .isEqualTo(signature);
    }

    @Test
    void wampcraWithoutAChallengeStringIsRefused() {
        assertThatThrownBy(() -> Authenticator.wampcra("secret").authenticate(ChallengeExtra.DEFAULT))
                .isInstanceOfSatisfying(WampException.class,
                        e -> assertThat(e.error()).isEqualTo(ErrorUris.AUTHENTICATION_FAILED));
    }

    @ParameterizedTest
    @CsvSource({
            // the specification's cryptosign test vectors without channel binding: private key, challenge, signature
            "4d57d97a68f555696620a6d849c0ce582568518d729eb753dc7c732de2804510,"
                    + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff,"
                    + "b32675b221f08593213737bef8240e7c15228b07028e19595294678c90d11c0cae80a357331bfc5cc9fb71081464e6e7"
                    + "5013517c2cf067ad566a6b7b728e5d03ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            "d511fe78e23934b3dadb52fcd022974b80bd92bccc7c5cf404e46cc0a8a2f5cd,"
                    + "b26c1f87c13fc1da14997f1b5a71995dff8fbe0a62fae8473c7bdbd05bfb607d,"
                    + "d4209ad10d5aff6bfbc009d7e924795de138a63515efc7afc6b01b7fe5201372190374886a70207b042294af5bd64ce7"
                    + "25cd8dceb344e6d11c09d1aaaf4d660fb26c1f87c13fc1da14997f1b5a71995dff8fbe0a62fae8473c7bdbd05bfb607d",
            "6e1fde9cf9e2359a87420b65a87dc0c66136e66945196ba2475990d8a0c3a25b,"
                    + "b05e6b8ad4d69abf74aa3be3c0ee40ae07d66e1895b9ab09285a2f1192d562d2,"
                    + "7beb282184baadd08f166f16dd683b39cab53816ed81e6955def951cb2ddad1ec184e206746fd82bda075af03711d3d5"
                    + "658fc84a76196b0fa8d1ebc92ef9f30bb05e6b8ad4d69abf74aa3be3c0ee40ae07d66e1895b9ab09285a2f1192d562d2"})
    void cryptosignSignsTheSpecificationsTestVectors(String privateKey, String challenge, String signature)
            throws Exception {
        Authenticator cryptosign = Authenticator.cryptosign(privateKey);

        String answer = cryptosign.authenticate(new ChallengeExtra(challenge, null, null, null, Map.of()))
                .signature();

        // Ed25519 is deterministic and hashes the public key into every signature: an equal signature proves the
        // private key was used and the announced public key derived correctly
        assertThat(answer).isEqualTo(signature);
        assertThat(verifies(cryptosign.authExtra().get("pubkey").toString(), challenge, signature)).isTrue();
    }

    @Test
    void cryptosignAnnouncesItsPublicKeyInHello() {
        Map<String, Object> extra = Authenticator.cryptosign(
                "4d57d97a68f555696620a6d849c0ce582568518d729eb753dc7c732de2804510").authExtra();

        assertThat(extra).containsOnlyKeys("pubkey");
        assertThat(extra.get("pubkey").toString()).matches("[0-9a-f]{64}");
    }

    @Test
    void cryptosignRefusesChallengesThatAreNot32BytesOfHex() {
        Authenticator cryptosign = Authenticator.cryptosign(
                "4d57d97a68f555696620a6d849c0ce582568518d729eb753dc7c732de2804510");

        for (String bad : new String[] {"abcd", "zz".repeat(32), "ff".repeat(33)}) {
            assertThatThrownBy(() -> cryptosign.authenticate(new ChallengeExtra(bad, null, null, null, Map.of())))
                    .isInstanceOf(WampException.class);
        }
    }

    @Test
    void cryptosignRefusesChannelBindingItCannotProvide() {
        Authenticator cryptosign = Authenticator.cryptosign(
                "4d57d97a68f555696620a6d849c0ce582568518d729eb753dc7c732de2804510");

        assertThatThrownBy(() -> cryptosign.authenticate(new ChallengeExtra("ff".repeat(32), null, null, null,
                Map.of("channel_binding", "tls-unique")))).isInstanceOf(WampException.class)
                .hasMessageContaining("channel binding");
    }

    @Test
    void cryptosignRefusesAPrivateKeyOfTheWrongLength() {
        assertThatThrownBy(() -> Authenticator.cryptosign("abcd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ticketIsSentAsItIs() {
        assertThat(Authenticator.ticket("s3cr3t-t0ken").authenticate(ChallengeExtra.DEFAULT).signature())
                .isEqualTo("s3cr3t-t0ken");
        assertThat(Authenticator.ticket("s3cr3t-t0ken").toString()).doesNotContain("s3cr3t");
    }

    @Test
    void methodsAreNamedAsInTheSpecification() {
        assertThat(Authenticator.anonymous().authMethod()).isEqualTo("anonymous");
        assertThat(Authenticator.ticket("t").authMethod()).isEqualTo("ticket");
        assertThat(Authenticator.wampcra("s").authMethod()).isEqualTo("wampcra");
        assertThat(Authenticator.cryptosign("00".repeat(32)).authMethod()).isEqualTo("cryptosign");
    }

    private static boolean verifies(String publicKeyHex, String challenge, String answer) throws Exception {
        // X.509 SubjectPublicKeyInfo of an Ed25519 key: a fixed 12-byte header, then the raw 32-byte key
        byte[] spki = HexFormat.of().parseHex("302a300506032b6570032100" + publicKeyHex);
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(HexFormat.of().parseHex(challenge));
        return verifier.verify(HexFormat.of().parseHex(answer.substring(0, 128)))
                && answer.substring(128).equals(challenge);
    }
}

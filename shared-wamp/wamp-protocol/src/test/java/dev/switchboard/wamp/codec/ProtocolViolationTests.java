package dev.switchboard.wamp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.wamp.ProtocolViolationException;
import dev.switchboard.wamp.message.Call;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per rule: each malformed frame is refused with a protocol violation that says what is wrong. */
class ProtocolViolationTests {

    private static final WampCodec JSON = WampCodec.of(Serialization.JSON);

    private static void refused(String frame, String reason) {
        assertThatThrownBy(() -> JSON.decode(frame.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void frameThatIsNotJsonIsRefused() {
        refused("[48, 1, {}, \"a.b\"", "malformed JSON frame");
    }

    @Test
    void stringWithAnUnpairedSurrogateIsRefusedAsValueAndAsKeyButAPairIsText() {
        refused("[16, 1, {}, \"a.b\", [\"x\\udd5a\"]]", "unpaired surrogate (U+DD5A at index 1)");
        refused("[16, 1, {\"\\udd5a\": 1}, \"a.b\"]", "surrogate"); // the JSON parser refuses some itself
        assertThat(JSON.decode("[16, 1, {}, \"a.b\", [\"\\ud83d\\ude00\"]]".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(JSON.decode("[16, 1, {}, \"a.b\", [\"\ud83d\ude00\"]]".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void emptyFrameIsRefused() {
        refused("", "empty frame");
    }

    @Test
    void frameThatIsNotAnArrayIsRefused() {
        refused("{\"type\": 48}", "is not an array");
    }

    @Test
    void contentAfterTheMessageIsRefused() {
        refused("[6, {}, \"wamp.close.normal\"] [6]", "content after the message array");
    }

    @Test
    void emptyArrayIsRefused() {
        refused("[]", "non-empty array");
    }

    @Test
    void typeCodeMustBeAnInteger() {
        refused("[\"48\", 1, {}, \"a.b\"]", "integer type code");
    }

    @Test
    void unknownMessageTypeIsRefused() {
        refused("[99, 1, {}]", "unknown WAMP message type 99");
    }

    @Test
    void missingElementIsRefused() {
        refused("[48, 1, {}]", "CALL is missing its Procedure element");
    }

    @Test
    void extraElementIsRefused() {
        refused("[17, 1, 2, 3]", "PUBLISHED has 1 element(s) more than its layout allows");
    }

    @Test
    void idOfWrongTypeIsRefused() {
        refused("[48, \"1\", {}, \"a.b\"]", "CALL.Request must be an id");
    }

    @Test
    void idZeroIsRefused() {
        refused("[48, 0, {}, \"a.b\"]", "CALL.Request must be an id");
    }

    @Test
    void idAboveTwoToTheFiftyThreeIsRefused() {
        refused("[48, 9007199254740993, {}, \"a.b\"]", "CALL.Request must be an id");
    }

    @Test
    void negativeIdIsRefused() {
        refused("[33, 1, -5]", "SUBSCRIBED.Subscription must be an id");
    }

    @Test
    void fractionalIdIsRefused() {
        refused("[33, 1, 2.5]", "SUBSCRIBED.Subscription must be an id");
    }

    @Test
    void idZeroIsAllowedOnlyForRevocation() {
        refused("[34, 0, 5]", "UNSUBSCRIBE.Request must be an id");
    }

    @Test
    void optionsMustBeADict() {
        refused("[48, 1, [], \"a.b\"]", "CALL.Options must be a dict");
    }

    @Test
    void uriWithWhitespaceIsRefused() {
        refused("[48, 1, {}, \"com.example.my procedure\"]", "CALL.Procedure must be a valid URI");
    }

    @Test
    void aRequestWithABadUriCarriesTheRequestToAnswerWithInvalidUri() {
        assertThatThrownBy(() -> JSON.decode("[48, 7, {}, \"a b\"]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ProtocolViolationException.class, e -> assertThat(e.failedRequest())
                        .isEqualTo(new ProtocolViolationException.FailedRequest(48, 7, "wamp.error.invalid_uri")));
    }

    @Test
    void otherViolationsCarryNoRequestToAnswer() {
        assertThatThrownBy(() -> JSON.decode("[1, \"a b\", {\"roles\": {\"caller\": {}}}]"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ProtocolViolationException.class,
                        e -> assertThat(e.failedRequest()).isNull());
        assertThatThrownBy(() -> JSON.decode("[48, 7, {\"timeout\": \"x\"}, \"a.b\"]"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ProtocolViolationException.class,
                        e -> assertThat(e.failedRequest()).isNull());
    }

    @Test
    void idsWrittenAsWholeNumberDoublesAreAccepted() {
        assertThat(JSON.decode("[33, 1.0, 5e15]".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new dev.switchboard.wamp.message.Subscribed(1, 5_000_000_000_000_000L));
    }

    @Test
    void uriWithEmptyComponentIsRefusedForExactMatch() {
        refused("[32, 1, {}, \"com..topic\"]", "SUBSCRIBE.Topic must be a valid exact URI pattern");
    }

    @Test
    void uriWithHashIsRefused() {
        refused("[16, 1, {}, \"com.#.topic\"]", "PUBLISH.Topic must be a valid URI");
    }

    @Test
    void emptyUriIsRefused() {
        refused("[1, \"\", {\"roles\": {\"caller\": {}}}]", "HELLO.Realm must be a valid URI");
    }

    @Test
    void errorUriMustBeValid() {
        refused("[8, 48, 1, {}, \"not valid\"]", "ERROR.Error must be a valid URI");
    }

    @Test
    void errorMustAnswerARequestType() {
        refused("[8, 36, 1, {}, \"a.b\"]", "ERROR.REQUEST.Type 36 is not a message that can fail");
    }

    @Test
    void argumentsMustBeAList() {
        refused("[48, 1, {}, \"a.b\", {\"x\": 1}]", "CALL.Arguments must be a list");
    }

    @Test
    void argumentsKwMustBeADict() {
        refused("[48, 1, {}, \"a.b\", [], [1]]", "CALL.ArgumentsKw must be a dict");
    }

    @Test
    void helloNeedsRoles() {
        refused("[1, \"realm1\", {}]", "HELLO.Details.roles is required");
    }

    @Test
    void helloNeedsAKnownRole() {
        refused("[1, \"realm1\", {\"roles\": {\"juggler\": {}}}]",
                "HELLO.Details.roles must include one of [callee, caller, publisher, subscriber], got only [juggler]");
    }

    @Test
    void helloMustAnnounceAtLeastOneRole() {
        refused("[1, \"realm1\", {\"roles\": {}}]", "HELLO.Details.roles must announce at least one role");
    }

    @Test
    void helloRolesMustBeADict() {
        refused("[1, \"realm1\", {\"roles\": [\"caller\"]}]", "HELLO.Details.roles must be a dict, got a list");
    }

    @Test
    void roleFeaturesMustBeADict() {
        refused("[1, \"realm1\", {\"roles\": {\"caller\": {\"features\": true}}}]",
                "HELLO.Details.roles.caller.features must be a dict");
    }

    @Test
    void helloMustAnnounceAClientRoleNotOnlyRouterRoles() {
        refused("[1, \"realm1\", {\"roles\": {\"broker\": {}, \"dealer\": {}}}]",
                "HELLO.Details.roles must include one of [callee, caller, publisher, subscriber], got only [broker, dealer]");
    }

    @Test
    void helloAuthidMustBeAString() {
        refused("[1, \"realm1\", {\"roles\": {\"caller\": {}}, \"authid\": 7}]",
                "HELLO.Details.authid must be a string, got 7");
    }

    @Test
    void helloAuthextraMustBeADict() {
        refused("[1, \"realm1\", {\"roles\": {\"caller\": {}}, \"authextra\": \"key\"}]",
                "HELLO.Details.authextra must be a dict, got \"key\"");
    }

    @Test
    void welcomeNeedsRoles() {
        refused("[2, 1, {\"authid\": \"joe\"}]", "WELCOME.Details.roles is required");
    }

    @Test
    void welcomeMustAnnounceARouterRole() {
        refused("[2, 1, {\"roles\": {\"caller\": {}}}]",
                "WELCOME.Details.roles must include one of [broker, dealer], got only [caller]");
    }

    @Test
    void welcomeRolesMustBeDicts() {
        refused("[2, 1, {\"roles\": {\"dealer\": []}}]", "WELCOME.Details.roles.dealer must be a dict");
    }

    @Test
    void welcomeAuthroleMustBeAString() {
        refused("[2, 1, {\"roles\": {\"dealer\": {}}, \"authrole\": [\"admin\"]}]",
                "WELCOME.Details.authrole must be a string, got a list");
    }

    @Test
    void abortReasonMustBeAValidUri() {
        refused("[3, {}, \"no such realm\"]", "ABORT.Reason must be a valid URI, got \"no such realm\"");
    }

    @Test
    void goodbyeReasonMustBeAValidUri() {
        refused("[6, {}, \"wamp..close\"]", "GOODBYE.Reason must be a valid URI, got \"wamp..close\"");
    }

    @Test
    void goodbyeReasonMustBeAString() {
        refused("[6, {}, 1]", "GOODBYE.Reason must be a string, got 1");
    }

    @Test
    void closeMessageMustBeAString() {
        refused("[3, {\"message\": false}, \"wamp.error.no_such_realm\"]",
                "ABORT.Details.message must be a string, got false");
    }

    @Test
    void challengeAuthMethodMustBeAString() {
        refused("[4, 1, {}]", "CHALLENGE.AuthMethod must be a string, got 1");
    }

    @Test
    void challengeExtraMustBeADict() {
        refused("[4, \"wampcra\", \"abc\"]", "CHALLENGE.Extra must be a dict, got \"abc\"");
    }

    @Test
    void challengeIterationsMustBeAPositiveInteger() {
        refused("[4, \"wampcra\", {\"challenge\": \"{}\", \"salt\": \"s\", \"iterations\": \"1000\", \"keylen\": 32}]",
                "CHALLENGE.Extra.iterations must be a positive integer, got \"1000\"");
    }

    @Test
    void challengeKeylenMustBePositive() {
        refused("[4, \"wampcra\", {\"keylen\": 0}]", "CHALLENGE.Extra.keylen must be a positive integer, got 0");
    }

    @Test
    void challengeStringMustBeAString() {
        refused("[4, \"cryptosign\", {\"challenge\": [1, 2]}]", "CHALLENGE.Extra.challenge must be a string");
    }

    @Test
    void authenticateSignatureMustBeAString() {
        refused("[5, {\"sig\": \"x\"}, {}]", "AUTHENTICATE.Signature must be a string, got a dict");
    }

    @Test
    void authenticateExtraMustBeADict() {
        refused("[5, \"c2lnbmF0dXJl\", []]", "AUTHENTICATE.Extra must be a dict, got a list");
    }

    @Test
    void errorRequestTypeMustBeAnInteger() {
        refused("[8, \"48\", 1, {}, \"a.b\"]", "ERROR.REQUEST.Type must be a message type code, got \"48\"");
    }

    @Test
    void errorDetailsMustBeADict() {
        refused("[8, 48, 1, [], \"a.b\"]", "ERROR.Details must be a dict, got a list");
    }

    @Test
    void interruptModeSkipIsRefusedBecauseSkipSendsNoInterrupt() {
        refused("[69, 1, {\"mode\": \"skip\"}]", "INTERRUPT.Options.mode must be kill or killnowait, got \"skip\"");
    }

    @Test
    void interruptModeMustBeAString() {
        refused("[69, 1, {\"mode\": 1}]", "INTERRUPT.Options.mode must be kill or killnowait, got 1");
    }

    @Test
    void interruptReasonMustBeAValidUri() {
        refused("[69, 1, {\"mode\": \"kill\", \"reason\": \"timed out\"}]",
                "INTERRUPT.Options.reason must be a valid URI, got \"timed out\"");
    }

    @Test
    void yieldProgressMustBeABoolean() {
        refused("[70, 1, {\"progress\": \"yes\"}]", "YIELD.Options.progress must be a boolean, got \"yes\"");
    }

    @Test
    void resultProgressMustBeABoolean() {
        refused("[50, 1, {\"progress\": 1}]", "RESULT.Details.progress must be a boolean, got 1");
    }

    @Test
    void callDiscloseMeMustBeABoolean() {
        refused("[48, 1, {\"disclose_me\": \"true\"}, \"a.b\"]", "CALL.Options.disclose_me must be a boolean, got \"true\"");
    }

    @Test
    void callProgressMustBeABoolean() {
        refused("[48, 1, {\"progress\": 0}, \"a.b\"]", "CALL.Options.progress must be a boolean, got 0");
    }

    @Test
    void publishDiscloseMeMustBeABoolean() {
        refused("[16, 1, {\"disclose_me\": 1}, \"a.b\"]", "PUBLISH.Options.disclose_me must be a boolean, got 1");
    }

    @Test
    void subscribeGetRetainedMustBeABoolean() {
        refused("[32, 1, {\"get_retained\": \"yes\"}, \"a.b\"]",
                "SUBSCRIBE.Options.get_retained must be a boolean, got \"yes\"");
    }

    @Test
    void unknownSubscribeMatchPolicyIsRefused() {
        refused("[32, 1, {\"match\": \"glob\"}, \"a.b\"]",
                "SUBSCRIBE.Options.match must be exact, prefix or wildcard, got \"glob\"");
    }

    @Test
    void wildcardPatternMustBeValid() {
        refused("[32, 1, {\"match\": \"wildcard\"}, \"a. .b\"]", "SUBSCRIBE.Topic must be a valid wildcard URI pattern");
    }

    @Test
    void registerFlagsMustBeBooleans() {
        refused("[64, 1, {\"force_reregister\": 1}, \"a.b\"]", "REGISTER.Options.force_reregister must be a boolean, got 1");
        refused("[64, 1, {\"disclose_caller\": \"no\"}, \"a.b\"]",
                "REGISTER.Options.disclose_caller must be a boolean, got \"no\"");
    }

    @Test
    void invocationCallerMustBeAnId() {
        refused("[68, 1, 2, {\"caller\": 0}]", "INVOCATION.Details.caller must be an id (an integer in [1, 2^53]), got 0");
    }

    @Test
    void invocationTimeoutMustBeANonNegativeInteger() {
        refused("[68, 1, 2, {\"timeout\": 1.5}]", "INVOCATION.Details.timeout must be a non-negative integer, got 1.5");
    }

    @Test
    void invocationProcedureDetailMustBeAUri() {
        refused("[68, 1, 2, {\"procedure\": \"a b\"}]", "INVOCATION.Details.procedure must be a valid URI");
    }

    @Test
    void revocationAnswersMayUseRequestZeroButNotANegativeOne() {
        assertThat(JSON.decode("[35, 0, {\"subscription\": 5, \"reason\": \"wamp.close.normal\"}]"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(dev.switchboard.wamp.message.Unsubscribed.class);
        refused("[35, -1]", "UNSUBSCRIBED.UNSUBSCRIBE.Request must be an id (an integer in [1, 2^53]) or 0, got -1");
    }

    @Test
    void unregisteredDetailsMustBeADict() {
        refused("[67, 0, [5]]", "UNREGISTERED.Details must be a dict, got a list");
    }

    @Test
    void typeCodeBeyondTheIntRangeIsUnknown() {
        refused("[4294967297, 1]", "unknown WAMP message type 4294967297");
    }

    @Test
    void encSerializerMustBeAKnownSerializerOrAnXName() {
        refused("[16, 1, {\"enc_algo\": \"cryptobox\", \"enc_serializer\": \"yaml\"}, \"a.b\", \"\\u0000AQI=\"]",
                "PUBLISH.Options.enc_serializer must be one of [cbor, flatbuffers, json, msgpack, ubjson] or an x_ name,"
                        + " got \"yaml\"");
    }

    @Test
    void encSerializerMustBeAString() {
        refused("[36, 1, 2, {\"enc_algo\": \"cryptobox\", \"enc_serializer\": 1}]",
                "EVENT.Details.enc_serializer must be one of");
    }

    @Test
    void pptSchemeMustBeAKnownSchemeOrAnXName() {
        refused("[48, 1, {\"ppt_scheme\": \"smtp\"}, \"a.b\"]",
                "CALL.Options.ppt_scheme must be one of [mqtt, wamp] or an x_ name, got \"smtp\"");
    }

    @Test
    void pptSerializerMustBeAKnownSerializerOrAnXName() {
        refused("[70, 1, {\"ppt_scheme\": \"mqtt\", \"ppt_serializer\": \"yaml\"}]",
                "YIELD.Options.ppt_serializer must be one of [cbor, flatbuffers, json, msgpack, native, ubjson] or an"
                        + " x_ name, got \"yaml\"");
    }

    @Test
    void pptCipherMustBeAKnownCipherOrAnXName() {
        refused("[50, 1, {\"ppt_scheme\": \"wamp\", \"ppt_serializer\": \"cbor\", \"ppt_cipher\": \"rot13\"}]",
                "RESULT.Details.ppt_cipher must be one of [aes256gcm, xsalsa20poly1305] or an x_ name, got \"rot13\"");
    }

    @Test
    void pptKeyidMustBeAString() {
        refused("[68, 1, 2, {\"ppt_scheme\": \"wamp\", \"ppt_keyid\": 42}]",
                "INVOCATION.Details.ppt_keyid must be a string, got 42");
    }

    @Test
    void pptAttributesNeedAPptScheme() {
        refused("[16, 1, {\"ppt_serializer\": \"cbor\", \"ppt_cipher\": \"xsalsa20poly1305\"}, \"a.b\"]",
                "PUBLISH.Options.ppt_scheme is required with PUBLISH.Options.ppt_serializer");
        refused("[36, 1, 2, {\"ppt_keyid\": \"k\"}]", "EVENT.Details.ppt_scheme is required with EVENT.Details.ppt_keyid");
    }

    @Test
    void passthruAttributesOfTheSpecificationAndXNamesAreAccepted() {
        // the specification's CALL example (advanced profile, "Payload Passthru Mode"), and a custom scheme
        for (String options : List.of(
                "{\"ppt_scheme\": \"wamp\", \"ppt_serializer\": \"cbor\", \"ppt_cipher\": \"xsalsa20poly1305\","
                        + " \"ppt_keyid\": \"GTtQ37XGJO2O4R8Dvx4AUo8pe61D9evIWpKGQAPdOh0=\"}",
                "{\"ppt_scheme\": \"x_my_ppt\", \"ppt_serializer\": \"x_custom\", \"ppt_cipher\": \"x_custom\"}")) {
            Call call = (Call) JSON.decode(("[48, 25471, " + options + ", \"com.myapp.secret\", [\"\\u0000AQI=\"]]")
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(call.options().other()).containsKeys("ppt_scheme", "ppt_serializer", "ppt_cipher");
        }
    }

    @Test
    void forwardForHopsMustNameTheirSession() {
        refused("[48, 1, {\"forward_for\": [{\"authid\": \"router1\"}]}, \"a.b\"]",
                "CALL.Options.forward_for must be a list of {session, authid, authrole} dicts, got a list");
    }

    @Test
    void acknowledgedDeliveryFlagMustBeABoolean() {
        refused("[48, 1, {\"x_acknowledged_delivery\": \"yes\"}, \"a.b\"]",
                "CALL.Options.x_acknowledged_delivery must be a boolean, got \"yes\"");
    }

    @Test
    void roleDetailsMustBeADict() {
        refused("[1, \"realm1\", {\"roles\": {\"caller\": true}}]", "HELLO.Details.roles.caller must be a dict");
    }

    @Test
    void authmethodsMustBeStrings() {
        refused("[1, \"realm1\", {\"roles\": {\"caller\": {}}, \"authmethods\": [1]}]",
                "HELLO.Details.authmethods must be a list of strings");
    }

    @Test
    void callTimeoutMustBeANonNegativeInteger() {
        refused("[48, 1, {\"timeout\": -1}, \"a.b\"]", "CALL.Options.timeout must be a non-negative integer");
    }

    @Test
    void receiveProgressMustBeABoolean() {
        refused("[48, 1, {\"receive_progress\": 1}, \"a.b\"]", "CALL.Options.receive_progress must be a boolean");
    }

    @Test
    void unknownMatchPolicyIsRefused() {
        refused("[64, 1, {\"match\": \"regex\"}, \"a.b\"]", "REGISTER.Options.match must be exact, prefix or wildcard");
    }

    @Test
    void unknownInvocationPolicyIsRefused() {
        refused("[64, 1, {\"invoke\": \"fastest\"}, \"a.b\"]", "REGISTER.Options.invoke must be single");
    }

    @Test
    void concurrencyMustBePositive() {
        refused("[64, 1, {\"concurrency\": 0}, \"a.b\"]", "REGISTER.Options.concurrency must be a positive integer");
    }

    @Test
    void unknownCancelModeIsRefused() {
        refused("[49, 1, {\"mode\": \"now\"}]", "CANCEL.Options.mode must be skip, kill or killnowait");
    }

    @Test
    void excludeMustListIds() {
        refused("[16, 1, {\"exclude\": [0]}, \"a.b\"]", "PUBLISH.Options.exclude must be a list of ids");
    }

    @Test
    void eventTopicDetailMustBeAUri() {
        refused("[36, 1, 2, {\"topic\": \"a b\"}]", "EVENT.Details.topic must be a valid URI");
    }

    @Test
    void invalidBase64AfterTheBinaryPrefixIsRefused() {
        refused("[48, 1, {}, \"a.b\", [\"\\u0000***\"]]", "not valid Base64");
    }

    @Test
    void duplicateKeysAreRefused() {
        refused("[48, 1, {\"timeout\": 1, \"timeout\": 2}, \"a.b\"]", "duplicate key \"timeout\"");
    }

    @Test
    void nestingBeyondTheLimitIsRefused() {
        String deep = "[".repeat(Serializer.MAX_DEPTH + 5) + "]".repeat(Serializer.MAX_DEPTH + 5);
        refused("[48, 1, {}, \"a.b\", " + deep + "]", "deeper than");
    }
}

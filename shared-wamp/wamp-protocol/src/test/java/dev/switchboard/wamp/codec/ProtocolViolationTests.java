package dev.switchboard.wamp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.wamp.ProtocolViolationException;
import java.nio.charset.StandardCharsets;
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
        refused("[1, \"realm1\", {\"roles\": {\"juggler\": {}}}]", "names no WAMP role");
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

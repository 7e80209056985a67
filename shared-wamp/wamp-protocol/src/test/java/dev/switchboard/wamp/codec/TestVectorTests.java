package dev.switchboard.wamp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.switchboard.wamp.ProtocolViolationException;
import dev.switchboard.wamp.message.Values;
import dev.switchboard.wamp.message.WampMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official WAMP test vectors (src/test/resources/wamp-testvectors, see SOURCE.txt there): every JSON,
 * MessagePack and CBOR variant of every sample decodes to the expected attributes, what we encode is one of the
 * listed variants and decodes back equal, and every validation sample is accepted or refused as the vectors say.
 */
class TestVectorTests {

    private static final List<String> FILES = List.of(
            "basic/abort", "basic/authenticate", "basic/call", "basic/challenge", "basic/error", "basic/event",
            "basic/goodbye", "basic/hello", "basic/invocation", "basic/publish", "basic/published", "basic/register",
            "basic/registered", "basic/result", "basic/subscribe", "basic/subscribed", "basic/unregister",
            "basic/unregistered", "basic/unsubscribe", "basic/unsubscribed", "basic/welcome", "basic/yield",
            "advanced/cancel", "advanced/interrupt", "advanced/eventreceived",
            "advanced/publish_with_publisher_exclusion_disabled");

    private static final Map<String, Serialization> SERIALIZERS =
            Map.of("json", Serialization.JSON, "msgpack", Serialization.MSGPACK, "cbor", Serialization.CBOR);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HexFormat HEX = HexFormat.of();

    @TestFactory
    Stream<DynamicTest> everyVariantDecodesToTheExpectedAttributesAndEncodesToAListedVariant() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : FILES) {
            for (JsonNode sample : load(file).get("samples")) {
                if (!sample.has("serializers")) {
                    continue;
                }
                for (Map.Entry<String, Serialization> format : SERIALIZERS.entrySet()) {
                    JsonNode variants = sample.get("serializers").get(format.getKey());
                    List<String> listed = new ArrayList<>();
                    variants.forEach(variant -> listed.add(variant.get("bytes_hex").asString()));
                    for (String hex : listed) {
                        tests.add(dynamicTest(file + " / " + sample.get("description").asString() + " / "
                                + format.getKey() + " " + hex.substring(0, Math.min(24, hex.length())), () -> {
                            WampCodec codec = WampCodec.of(format.getValue());
                            WampMessage message = codec.decode(HEX.parseHex(hex));
                            assertAttributes(message, toValue(sample.get("expected_attributes")));

                            byte[] encoded = codec.encode(message);
                            assertThat(listed).contains(HEX.formatHex(encoded));
                            assertThat(codec.decode(encoded)).isEqualTo(message);
                        }));
                    }
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> validationSamplesAreAcceptedOrRefusedAsTheVectorsSay() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : FILES) {
            for (JsonNode sample : load(file).get("samples")) {
                if (!sample.has("wmsg")) {
                    continue;
                }
                tests.add(dynamicTest(file + " / " + sample.get("description").asString(), () -> {
                    List<Object> values = withBinaryPayload(asList(toValue(sample.get("wmsg"))));
                    JsonNode expectedError = sample.get("expected_error");
                    if (expectedError == null) {
                        assertThat(MessageMapper.fromValues(values)).isNotNull();
                    } else {
                        assertThat(expectedError.get("type").asString()).isEqualTo("protocol_violation");
                        assertThatThrownBy(() -> MessageMapper.fromValues(values))
                                .isInstanceOf(ProtocolViolationException.class)
                                .hasMessageContaining(expectedError.get("contains").asString());
                    }
                }));
            }
        }
        return tests.stream();
    }

    /**
     * The vectors write an opaque payload as a hex string in the value form; it is binary on the wire. It stands at
     * index 4 in the messages that have validation samples (PUBLISH, EVENT).
     */
    private static List<Object> withBinaryPayload(List<Object> values) {
        int payloadIndex = 4;
        if (values.size() > payloadIndex && values.get(payloadIndex) instanceof String hex) {
            List<Object> copy = new ArrayList<>(values);
            copy.set(payloadIndex, HEX.parseHex(hex));
            return copy;
        }
        return values;
    }

    private static void assertAttributes(WampMessage message, Object expected) {
        Map<String, Object> actual = VectorAttributes.of(message);
        @SuppressWarnings("unchecked")
        Map<String, Object> wanted = (Map<String, Object>) expected;
        for (Map.Entry<String, Object> attribute : wanted.entrySet()) {
            Object want = attribute.getValue();
            Object have = actual.get(attribute.getKey());
            if (attribute.getKey().equals("payload") && want instanceof String hex) {
                want = HEX.parseHex(hex);
            }
            if (want == null && (have instanceof List<?> l && l.isEmpty() || have instanceof Map<?, ?> m && m.isEmpty())) {
                continue;
            }
            assertThat(Values.deepEquals(have, want))
                    .as("%s: expected %s, decoded %s", attribute.getKey(), want, have)
                    .isTrue();
        }
    }

    private static JsonNode load(String file) {
        String path = "/wamp-testvectors/singlemessage/" + file + ".json";
        try (InputStream in = TestVectorTests.class.getResourceAsStream(path)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object value) {
        return (List<Object>) value;
    }

    /** JSON node → the generic values our serializers produce (integers as Long). */
    private static Object toValue(JsonNode node) {
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(toValue(element)));
            return list;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), toValue(e.getValue())));
            return map;
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isNull()) {
            return null;
        }
        return node.asString();
    }
}

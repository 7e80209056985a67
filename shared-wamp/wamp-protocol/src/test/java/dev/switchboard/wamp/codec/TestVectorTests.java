package dev.switchboard.wamp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.switchboard.wamp.ProtocolViolationException;
import dev.switchboard.wamp.message.Values;
import dev.switchboard.wamp.message.WampMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestReporter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official WAMP test vectors (src/test/resources/wamp-testvectors, see SOURCE.txt there): every JSON,
 * MessagePack and CBOR variant of every sample decodes to the expected attributes, what we encode is one of the
 * listed variants and decodes back equal, and every validation sample is accepted or refused as the vectors say.
 * The vector files are found by listing the resource directory, so a newly copied file cannot be left out.
 */
class TestVectorTests {

    private static final String ROOT = "/wamp-testvectors/singlemessage/";

    /** Every single-message vector file, as {@code basic/call}: listed from the resources, not written down here. */
    private static final List<String> FILES = listVectorFiles();

    /** The serializations WAMP requires of Switchboard, by their names in the vectors. */
    private static final Map<String, Serialization> SERIALIZERS =
            Map.of("json", Serialization.JSON, "msgpack", Serialization.MSGPACK, "cbor", Serialization.CBOR);

    /**
     * Serializations the vectors also list that Switchboard does not offer: UBJSON and FlatBuffers are optional in
     * WAMP (advanced profile) and out of scope here, so their variants are reported as skipped, not run.
     */
    private static final Set<String> OUT_OF_SCOPE = Set.of("ubjson", "flatbuffers");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void theVectorFilesAreListedFromTheResourcesAndCoverEveryMessageType(TestReporter reporter) {
        Set<Long> covered = new TreeSet<>();
        for (String file : FILES) {
            for (JsonNode sample : load(file).get("samples")) {
                if (sample.has("expected_attributes")) {
                    covered.add(sample.get("expected_attributes").get("message_type").asLong());
                }
            }
        }
        Set<Long> known = new TreeSet<>();
        Messages.everyType().forEach(message -> known.add((long) message.type()));
        reporter.publishEntry("vector files", FILES.size() + ": " + FILES);
        assertThat(covered).as("message types with serialization samples").isEqualTo(known);
    }

    @Test
    void everySampleIsASerializationOrAValidationSampleInKnownFormats(TestReporter reporter) {
        Map<String, Integer> variants = new TreeMap<>();
        int serializationSamples = 0;
        for (String file : FILES) {
            for (JsonNode sample : load(file).get("samples")) {
                String where = file + " / " + sample.get("description").asString();
                assertThat(sample.has("serializers") || sample.has("wmsg"))
                        .as("%s has neither serializers nor wmsg, so no test would run it", where).isTrue();
                if (!sample.has("serializers")) {
                    continue;
                }
                serializationSamples++;
                Set<String> formats = new TreeSet<>(sample.get("serializers").propertyNames());
                assertThat(formats).as("%s: serializers", where)
                        .containsAll(SERIALIZERS.keySet())
                        .isSubsetOf(union(SERIALIZERS.keySet(), OUT_OF_SCOPE));
                for (String format : formats) {
                    variants.merge(format, sample.get("serializers").get(format).size(), Integer::sum);
                }
            }
        }
        reporter.publishEntry("serialization samples", String.valueOf(serializationSamples));
        reporter.publishEntry("variants run", variants.entrySet().stream()
                .filter(e -> SERIALIZERS.containsKey(e.getKey())).toList().toString());
        reporter.publishEntry("variants skipped (out of scope)", variants.entrySet().stream()
                .filter(e -> OUT_OF_SCOPE.contains(e.getKey())).toList().toString());
        assertThat(serializationSamples).isPositive();
        for (String format : SERIALIZERS.keySet()) {
            assertThat(variants.getOrDefault(format, 0)).as("%s variants", format)
                    .isGreaterThanOrEqualTo(serializationSamples);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyVariantDecodesToTheExpectedAttributesAndEncodesToAListedVariant() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : FILES) {
            for (JsonNode sample : load(file).get("samples")) {
                if (!sample.has("serializers")) {
                    continue;
                }
                String name = file + " / " + sample.get("description").asString();
                for (String formatName : new TreeSet<>(sample.get("serializers").propertyNames())) {
                    JsonNode variants = sample.get("serializers").get(formatName);
                    Serialization format = SERIALIZERS.get(formatName);
                    if (format == null) {
                        // Visible in the report as skipped; an unknown name fails the test above.
                        tests.add(dynamicTest(name + " / " + formatName + " (" + variants.size() + " variants)",
                                () -> abort(formatName + " is not a serialization Switchboard offers")));
                        continue;
                    }
                    List<String> listed = new ArrayList<>();
                    variants.forEach(variant -> listed.add(variant.get("bytes_hex").asString()));
                    for (String hex : listed) {
                        tests.add(dynamicTest(name + " / " + formatName + " "
                                + hex.substring(0, Math.min(24, hex.length())), () -> {
                            WampCodec codec = WampCodec.of(format);
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

    private static List<String> listVectorFiles() {
        URL root = TestVectorTests.class.getResource(ROOT);
        if (root == null) {
            throw new IllegalStateException("no test vectors at " + ROOT + " on the test class path");
        }
        try (Stream<Path> paths = Files.walk(Path.of(root.toURI()))) {
            Path base = Path.of(root.toURI());
            List<String> files = paths.filter(path -> path.toString().endsWith(".json"))
                    .map(path -> base.relativize(path).toString().replace('\\', '/').replaceAll("\\.json$", ""))
                    .sorted()
                    .toList();
            if (files.isEmpty()) {
                throw new IllegalStateException("no .json test vectors under " + root);
            }
            return files;
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the test vectors under " + root, e);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static JsonNode load(String file) {
        String path = ROOT + file + ".json";
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

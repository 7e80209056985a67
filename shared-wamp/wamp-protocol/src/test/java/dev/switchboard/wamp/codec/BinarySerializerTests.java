package dev.switchboard.wamp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.wamp.IdGenerator;
import dev.switchboard.wamp.ProtocolViolationException;
import dev.switchboard.wamp.message.Subscribed;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Format-specific behaviour of the serializers: binary values, integer ranges, and hostile headers. */
class BinarySerializerTests {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void jsonWritesBinaryAsNulPrefixedBase64AndReadsItBack() {
        Serializer json = Serialization.JSON.serializer();
        byte[] frame = json.write(List.of(List.of(new byte[] {1, 2})));
        assertThat(new String(frame, StandardCharsets.UTF_8)).isEqualTo("[[\"\\u0000AQI=\"]]");
        assertThat((byte[]) ((List<?>) json.read(frame).get(0)).get(0)).containsExactly(1, 2);
    }

    @Test
    void msgpackAndCborCarryBinaryNatively() {
        for (Serialization format : List.of(Serialization.MSGPACK, Serialization.CBOR)) {
            Serializer serializer = format.serializer();
            List<Object> read = serializer.read(serializer.write(List.of(new byte[] {9, 8, 7})));
            assertThat((byte[]) read.get(0)).as("%s", format).containsExactly(9, 8, 7);
        }
    }

    @Test
    void integersBeyondTheLongRangeReadAsBigIntegerAndOthersAsLong() {
        BigInteger huge = BigInteger.TWO.pow(64).subtract(BigInteger.ONE);
        for (Serialization format : Serialization.values()) {
            Serializer serializer = format.serializer();
            List<Object> read = serializer.read(serializer.write(List.of(huge, 5, (short) 3, BigInteger.TEN)));
            assertThat(read).as("%s", format).containsExactly(huge, 5L, 3L, 10L);
        }
    }

    @Test
    void msgpackArrayHeaderLargerThanTheFrameIsRefusedWithoutAllocating() {
        // array32 announcing 2^31-1 elements in a 5-byte frame
        assertThatThrownBy(() -> Serialization.MSGPACK.serializer().read(HEX.parseHex("dd7fffffff")))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("exceeds the frame");
    }

    @Test
    void msgpackExtensionTypesAreRefused() {
        assertThatThrownBy(() -> Serialization.MSGPACK.serializer().read(HEX.parseHex("91d40102")))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("extension");
    }

    @Test
    void javascriptUndefinedReadsAsNullInMsgpackAndCbor() {
        // [32, 1, {"match": undefined, "get_retained": undefined}, "a.b"] as wampy's encoders write it
        Object msgpack = WampCodec.of(Serialization.MSGPACK).decode(HEX.parseHex(
                "942001de0002a56d61746368d40000ac6765745f72657461696e6564d40000a3612e62"));
        Object cbor = WampCodec.of(Serialization.CBOR).decode(HEX.parseHex(
                "84182001b90002656d61746368f76c6765745f72657461696e6564f763612e62"));
        assertThat(msgpack).isEqualTo(cbor).isInstanceOf(dev.switchboard.wamp.message.Subscribe.class);
    }

    @Test
    void msgpackNonStringMapKeysAreRefused() {
        assertThatThrownBy(() -> Serialization.MSGPACK.serializer().read(HEX.parseHex("91810102")))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("map key is not a string");
    }

    @Test
    void msgpackMalformedUtf8IsRefused() {
        // fixstr of 2 bytes: c3 starts a 2-byte sequence, 28 ("(") cannot continue it
        refused(Serialization.MSGPACK, "91a2c328", "malformed MessagePack frame: a string is not valid UTF-8");
    }

    @Test
    void cborTextWithAnEncodedSurrogateIsRefused() {
        // [16, 1, {}, "a.b", ["<ED B5 9A: U+DD5A written as if it were a code point>"]]
        refused(Serialization.CBOR, "85100" + "1a063612e628163edb59a", "CBOR frame");
    }

    @Test
    void truncatedBinaryFramesAreRefused() {
        // [48, <uint32 cut after 2 of its 4 bytes>, ...]
        refused(Serialization.MSGPACK, "9330ce0077", "malformed MessagePack frame: it ends inside a value");
        // [48, <uint32 cut after 2 of its 4 bytes>, ...] of 5 elements
        refused(Serialization.CBOR, "8518301a0077", "malformed CBOR frame: Unexpected end-of-input");
    }

    @Test
    void msgpackEmptyFrameIsRefused() {
        refused(Serialization.MSGPACK, "", "MessagePack frame is empty");
    }

    @Test
    void msgpackTopLevelValueMustBeAnArray() {
        refused(Serialization.MSGPACK, "a161", "MessagePack frame is not an array");
    }

    @Test
    void msgpackContentAfterTheMessageArrayIsRefused() {
        refused(Serialization.MSGPACK, "910101", "MessagePack frame has content after the message array");
    }

    @Test
    void duplicateMapKeysAreRefusedInMsgpackAndCbor() {
        // [{"a": 1, "a": 2}]
        refused(Serialization.MSGPACK, "9182a16101a16102", "duplicate key \"a\" in MessagePack map");
        refused(Serialization.CBOR, "81a2616101616102", "duplicate key \"a\" in CBOR object");
    }

    @Test
    void nestingBeyondTheLimitIsRefusedInMsgpackAndCbor() {
        int depth = Serializer.MAX_DEPTH + 5;
        // one-element arrays nested depth times around an empty array
        refused(Serialization.MSGPACK, "91".repeat(depth) + "90",
                "MessagePack frame nests values deeper than " + Serializer.MAX_DEPTH);
        refused(Serialization.CBOR, "81".repeat(depth) + "80",
                "CBOR frame nests values deeper than " + Serializer.MAX_DEPTH);
    }

    @Test
    void nestingUpToTheLimitIsAccepted() {
        int depth = Serializer.MAX_DEPTH - 1;
        assertThat(Serialization.MSGPACK.serializer().read(HEX.parseHex("91".repeat(depth) + "90"))).hasSize(1);
        assertThat(Serialization.CBOR.serializer().read(HEX.parseHex("81".repeat(depth) + "80"))).hasSize(1);
    }

    @Test
    void cborSimpleValuesOtherThanBooleansNullAndUndefinedAreRefused() {
        // [simple(0)] and [simple(32)]
        refused(Serialization.CBOR, "81e0", "unsupported embedded value in CBOR frame");
        refused(Serialization.CBOR, "81f820", "unsupported embedded value in CBOR frame");
    }

    @Test
    void idsAboveTwoToTheFiftyThreeAreRefusedInMsgpackAndCbor() {
        // [SUBSCRIBED, 1, 2^53 + 1] with the id as uint64 0x0020000000000001
        for (var frame : List.of(Map.entry(Serialization.MSGPACK, "932101cf0020000000000001"),
                Map.entry(Serialization.CBOR, "831821011b0020000000000001"))) {
            assertThatThrownBy(() -> WampCodec.of(frame.getKey()).decode(HEX.parseHex(frame.getValue())))
                    .as("%s", frame.getKey())
                    .isInstanceOf(ProtocolViolationException.class)
                    .hasMessage("SUBSCRIBED.Subscription must be an id (an integer in [1, 2^53]), got 9007199254740993");
        }
    }

    @Test
    void idsBeyondTheLongRangeAreRefusedInMsgpackAndCbor() {
        // [SUBSCRIBED, 1, 2^64 - 1] as msgpack uint64 and as CBOR uint64
        for (var frame : List.of(Map.entry(Serialization.MSGPACK, "932101cfffffffffffffffff"),
                Map.entry(Serialization.CBOR, "831821011bffffffffffffffff"))) {
            assertThatThrownBy(() -> WampCodec.of(frame.getKey()).decode(HEX.parseHex(frame.getValue())))
                    .as("%s", frame.getKey())
                    .isInstanceOf(ProtocolViolationException.class)
                    .hasMessage("SUBSCRIBED.Subscription must be an id (an integer in [1, 2^53]), got 18446744073709551615");
        }
    }

    @Test
    void theLargestIdIsAcceptedInMsgpackAndCbor() {
        // [SUBSCRIBED, 1, 2^53]
        Subscribed expected = new Subscribed(1, IdGenerator.MAX_ID);
        assertThat(WampCodec.of(Serialization.MSGPACK).decode(HEX.parseHex("932101cf0020000000000000")))
                .isEqualTo(expected);
        assertThat(WampCodec.of(Serialization.CBOR).decode(HEX.parseHex("831821011b0020000000000000")))
                .isEqualTo(expected);
    }

    private static void refused(Serialization format, String hex, String reason) {
        assertThatThrownBy(() -> format.serializer().read(HEX.parseHex(hex)))
                .as("%s %s", format, hex.length() > 40 ? hex.substring(0, 40) + "…" : hex)
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void cborTopLevelValueMustBeAnArray() {
        assertThatThrownBy(() -> Serialization.CBOR.serializer().read(HEX.parseHex("a0")))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("not an array");
    }

    @Test
    void valuesOfUnsupportedTypesAreAProgrammingErrorNotAProtocolViolation() {
        for (Serialization format : Serialization.values()) {
            assertThatThrownBy(() -> format.serializer().write(List.of(new Object())))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cannot serialize");
        }
    }
}

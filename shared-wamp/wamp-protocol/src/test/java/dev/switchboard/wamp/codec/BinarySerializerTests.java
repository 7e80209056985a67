package dev.switchboard.wamp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.wamp.ProtocolViolationException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
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
        assertThatThrownBy(() -> Serialization.MSGPACK.serializer().read(HEX.parseHex("91a2c328")))
                .isInstanceOf(ProtocolViolationException.class);
    }

    @Test
    void truncatedBinaryFramesAreRefused() {
        assertThatThrownBy(() -> Serialization.MSGPACK.serializer().read(HEX.parseHex("9330ce0077")))
                .isInstanceOf(ProtocolViolationException.class);
        assertThatThrownBy(() -> Serialization.CBOR.serializer().read(HEX.parseHex("8518301a0077")))
                .isInstanceOf(ProtocolViolationException.class);
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

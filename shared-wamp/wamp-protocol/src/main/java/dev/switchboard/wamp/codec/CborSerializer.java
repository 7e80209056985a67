package dev.switchboard.wamp.codec;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.dataformat.cbor.CBORFactory;

/** {@code wamp.2.cbor} (RFC 8949): binary values are CBOR byte strings, arrays and maps have definite lengths. */
final class CborSerializer extends JacksonSerializer {

    static final CborSerializer INSTANCE = new CborSerializer();

    private CborSerializer() {
        super(CBORFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 1).build())
                .build());
    }

    @Override
    public Serialization serialization() {
        return Serialization.CBOR;
    }

    @Override
    void writeBinary(JsonGenerator generator, byte[] bytes) {
        generator.writeBinary(bytes);
    }
}

package dev.switchboard.wamp.codec;

import java.util.Base64;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * {@code wamp.2.json}. Binary values travel as strings: a NUL character followed by the Base64 encoding of the bytes
 * (basic profile, "JSON"), so {@code "\u0000AQI="} reads as the bytes {@code 01 02}.
 */
final class JsonSerializer extends JacksonSerializer {

    static final JsonSerializer INSTANCE = new JsonSerializer();

    private JsonSerializer() {
        super(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 1).build())
                .build());
    }

    @Override
    public Serialization serialization() {
        return Serialization.JSON;
    }

    @Override
    Object readString(String value) {
        if (!value.isEmpty() && value.charAt(0) == '\0') {
            try {
                return Base64.getDecoder().decode(value.substring(1));
            } catch (IllegalArgumentException e) {
                throw new dev.switchboard.wamp.ProtocolViolationException(
                        "JSON binary string is not valid Base64 after its NUL prefix");
            }
        }
        return value;
    }

    @Override
    void writeBinary(JsonGenerator generator, byte[] bytes) {
        generator.writeString("\0" + Base64.getEncoder().encodeToString(bytes));
    }
}

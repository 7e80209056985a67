package dev.switchboard.wamp.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.message.WampMessage;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every message, with every typed option, survives encode → decode in every serialization. */
class RoundTripTests {

    @ParameterizedTest
    @EnumSource(Serialization.class)
    void everyMessageTypeRoundTripsUnchanged(Serialization serialization) {
        WampCodec codec = WampCodec.of(serialization);
        for (WampMessage message : Messages.everyType()) {
            byte[] frame = codec.encode(message);
            assertThat(codec.decode(frame)).as("%s", message).isEqualTo(message);
        }
    }

    @ParameterizedTest
    @EnumSource(Serialization.class)
    void theExamplesCoverEveryMessageType(Serialization serialization) {
        Set<Class<?>> covered = Messages.everyType().stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrder(WampMessage.class.getPermittedSubclasses());
    }

    @ParameterizedTest
    @EnumSource(Serialization.class)
    void decodesFromAnOffsetWithinABuffer(Serialization serialization) {
        WampCodec codec = WampCodec.of(serialization);
        WampMessage message = Messages.everyType().get(7);
        byte[] frame = codec.encode(message);
        byte[] buffer = new byte[frame.length + 10];
        System.arraycopy(frame, 0, buffer, 5, frame.length);
        assertThat(codec.decode(buffer, 5, frame.length)).isEqualTo(message);
    }

    @org.junit.jupiter.api.Test
    void jsonIsCompactAndLeavesOutEmptyTrailingElements() {
        WampCodec json = WampCodec.of(Serialization.JSON);
        String call = new String(json.encode(Messages.everyType().get(18)), StandardCharsets.UTF_8);
        assertThat(call).isEqualTo("[48,7814135,{},\"com.example.noargs\"]");
        String kwOnly = new String(json.encode(Messages.everyType().get(19)), StandardCharsets.UTF_8);
        assertThat(kwOnly).isEqualTo("[48,7814135,{},\"com.example.onlykw\",[],{\"a\":1}]");
    }
}

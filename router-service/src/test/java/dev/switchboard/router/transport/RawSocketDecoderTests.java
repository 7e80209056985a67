package dev.switchboard.router.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.wamp.ProtocolViolationException;
import dev.switchboard.wamp.codec.Serialization;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The RawSocket byte stream, fed in arbitrary pieces to the decoder on an embedded channel. */
class RawSocketDecoderTests {

    static EmbeddedChannel channel(long maxMessageSize) {
        return new EmbeddedChannel(new RawSocketDecoder(maxMessageSize, 512, 1_000_000_000L, ch -> true));
    }

    static ByteBuf bytes(int... octets) {
        ByteBuf buf = Unpooled.buffer(octets.length);
        for (int octet : octets) {
            buf.writeByte(octet);
        }
        return buf;
    }

    @Test
    void answersAHandshakeThatArrivesInPiecesWithTheRoutersLength() {
        EmbeddedChannel channel = channel(1024 * 1024);

        channel.writeInbound(bytes(0x7F, 0xF2));
        assertThat((Object) channel.readInbound()).isNull();
        channel.writeInbound(bytes(0, 0));

        ByteBuf reply = channel.readOutbound();
        assertThat(reply.readInt()).as("LENGTH 11 (1 MiB), serializer 2").isEqualTo(0x7FB20000);
        reply.release();
        assertThat((Object) channel.readInbound())
                .isEqualTo(new RawSocketFraming.Handshake(Serialization.MSGPACK, 1 << 24));
    }

    @Test
    void announcesTheLargestPowerOfTwoNotAboveTheLimitAndEnforcesIt() {
        EmbeddedChannel channel = channel(1000);
        channel.writeInbound(bytes(0x7F, 0xF1, 0, 0));

        ByteBuf reply = channel.readOutbound();
        assertThat(reply.getInt(0) >>> 20 & 0x0F).as("LENGTH 0: 512 octets").isZero();
        reply.release();
        channel.readInbound();
        assertThatThrownBy(() -> channel.writeInbound(bytes(0, 0, 0x02, 0x01)))
                .isInstanceOf(DecoderException.class)
                .cause().isInstanceOf(ProtocolViolationException.class)
                .hasMessage("message of 513 bytes exceeds the limit of 512 bytes");
    }

    @Test
    void emitsAMessageOnceItsLastOctetArrived() {
        EmbeddedChannel channel = handshaken(1 << 20);
        byte[] message = "[1,\"realm1\",{}]".getBytes(StandardCharsets.UTF_8);

        channel.writeInbound(bytes(0, 0, 0));
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) message.length}, new byte[] {'[', '1'}));
        assertThat((Object) channel.readInbound()).isNull();
        channel.writeInbound(Unpooled.wrappedBuffer(message, 2, message.length - 2));

        ByteBuf frame = channel.readInbound();
        assertThat(frame.toString(StandardCharsets.UTF_8)).isEqualTo("[1,\"realm1\",{}]");
        frame.release();
    }

    @Test
    void emitsPingsWithTheirPayloadAndPongsAsMarkers() {
        EmbeddedChannel channel = handshaken(1 << 20);

        channel.writeInbound(bytes(1, 0, 0, 2, 'h', 'i', 2, 0, 0, 1, 'x'));

        RawSocketFraming.Ping ping = channel.readInbound();
        assertThat(ping.content().toString(StandardCharsets.UTF_8)).isEqualTo("hi");
        ping.release();
        assertThat((Object) channel.readInbound()).isEqualTo(RawSocketFraming.Pong.RECEIVED);
    }

    @Test
    void readsTheExtraLengthBitAsSixteenMebibytes() {
        EmbeddedChannel channel = handshaken(1 << 24);

        channel.writeInbound(bytes(0x08, 0, 0, 0, 0, 0, 0, 0));

        assertThat((Object) channel.readInbound()).as("waits for 16 MiB of payload").isNull();
        assertThat(RawSocketFraming.prefix(RawSocketFraming.MESSAGE, 1 << 24)).isEqualTo(0x08000000);
        assertThat(RawSocketFraming.prefix(RawSocketFraming.PONG, (1 << 24) - 1)).isEqualTo(0x02FFFFFF);
    }

    @Test
    void refusesTheExtraLengthBitWithOtherLengthBits() {
        EmbeddedChannel channel = handshaken(1 << 24);

        assertThatThrownBy(() -> channel.writeInbound(bytes(0x08, 0, 0, 1)))
                .cause().hasMessage("invalid RawSocket frame length");
    }

    @Test
    void refusesReservedPrefixBitsAndDropsEverythingAfter() {
        EmbeddedChannel channel = handshaken(1 << 20);

        assertThatThrownBy(() -> channel.writeInbound(bytes(0x10, 0, 0, 0)))
                .cause().hasMessage("reserved bits set in a RawSocket frame prefix");
        channel.writeInbound(bytes(0, 0, 0, 1, '1'));
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    void closesAConnectionThatDoesNotStartWithTheMagicOctet() {
        EmbeddedChannel channel = channel(1 << 20);

        channel.writeInbound(bytes('G', 'E', 'T', ' '));

        assertThat((Object) channel.readOutbound()).as("no reply").isNull();
        assertThat(channel.isOpen()).isFalse();
    }

    private static EmbeddedChannel handshaken(long maxMessageSize) {
        EmbeddedChannel channel = channel(maxMessageSize);
        channel.writeInbound(bytes(0x7F, 0xF1, 0, 0));
        ((ByteBuf) channel.readOutbound()).release();
        assertThat((Object) channel.readInbound()).isInstanceOf(RawSocketFraming.Handshake.class);
        return channel;
    }
}

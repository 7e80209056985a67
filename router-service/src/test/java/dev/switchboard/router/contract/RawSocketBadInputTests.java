package dev.switchboard.router.contract;

import dev.switchboard.wamp.codec.Serialization;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Bad input over RawSocket, through the real session layer; RawSocket's own framing errors too. */
class RawSocketBadInputTests extends BadInputTests {

    /** The router's default limit, 1 MB, announced as 2^20 octets. */
    private static final int MAX_LENGTH = 1 << 20;

    RawSocketBadInputTests() {
        super(Transport.RAWSOCKET);
    }

    @Test
    void aFrameLongerThanTheRouterAnnouncedIsAProtocolViolation() {
        Bystanders bystanders = new Bystanders(Serialization.MSGPACK);
        TestClient offender = join(transport, Serialization.MSGPACK);

        // the prefix alone tells the frame is too long
        offender.sendBytes(ByteBuffer.allocate(4).putInt(MAX_LENGTH + 1).array());

        assertAbortedAndClosed(offender, "message of 1048577 bytes exceeds the limit of 1048576 bytes",
                PROTOCOL_ERROR);
        bystanders.stillWork();
    }

    @Test
    void aFrameOfAReservedTypeIsAProtocolViolation() {
        Bystanders bystanders = new Bystanders(Serialization.JSON);
        RawSocketTestClient offender = (RawSocketTestClient) join(transport, Serialization.JSON);

        offender.sendRawSocketFrame(5, "[1]".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertAbortedAndClosed(offender, "reserved RawSocket frame type 5", PROTOCOL_ERROR);
        bystanders.stillWork();
    }

    @Test
    void aFramePrefixWithReservedBitsIsAProtocolViolation() {
        Bystanders bystanders = new Bystanders(Serialization.CBOR);
        TestClient offender = join(transport, Serialization.CBOR);

        offender.sendBytes(new byte[] {(byte) 0x80, 0, 0, 1, 0});

        assertAbortedAndClosed(offender, "reserved bits", PROTOCOL_ERROR);
        bystanders.stillWork();
    }
}

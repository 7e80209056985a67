package dev.switchboard.router.contract;

import dev.switchboard.wamp.codec.Serialization;

/** The router contract over RawSocket with wamp.2.msgpack. */
class RawSocketMsgpackContractTests extends RouterContractTests {

    RawSocketMsgpackContractTests() {
        super(Transport.RAWSOCKET, Serialization.MSGPACK);
    }
}

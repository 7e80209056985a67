package dev.switchboard.router.contract;

import dev.switchboard.wamp.codec.Serialization;

/** The router contract over RawSocket with wamp.2.cbor. */
class RawSocketCborContractTests extends RouterContractTests {

    RawSocketCborContractTests() {
        super(Transport.RAWSOCKET, Serialization.CBOR);
    }
}

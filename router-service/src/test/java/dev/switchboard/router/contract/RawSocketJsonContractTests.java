package dev.switchboard.router.contract;

import dev.switchboard.wamp.codec.Serialization;

/** The router contract over RawSocket with wamp.2.json. */
class RawSocketJsonContractTests extends RouterContractTests {

    RawSocketJsonContractTests() {
        super(Transport.RAWSOCKET, Serialization.JSON);
    }
}

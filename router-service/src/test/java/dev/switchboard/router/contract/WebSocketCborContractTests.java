package dev.switchboard.router.contract;

import dev.switchboard.wamp.codec.Serialization;

/** The router contract over WebSocket with wamp.2.cbor. */
class WebSocketCborContractTests extends RouterContractTests {

    WebSocketCborContractTests() {
        super(Transport.WEBSOCKET, Serialization.CBOR);
    }
}

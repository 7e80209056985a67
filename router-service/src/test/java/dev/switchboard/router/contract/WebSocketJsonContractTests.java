package dev.switchboard.router.contract;

import dev.switchboard.wamp.codec.Serialization;

/** The router contract over WebSocket with wamp.2.json. */
class WebSocketJsonContractTests extends RouterContractTests {

    WebSocketJsonContractTests() {
        super(Transport.WEBSOCKET, Serialization.JSON);
    }
}

package dev.switchboard.router.contract;

import dev.switchboard.wamp.codec.Serialization;

/** The router contract over WebSocket with wamp.2.msgpack. */
class WebSocketMsgpackContractTests extends RouterContractTests {

    WebSocketMsgpackContractTests() {
        super(Transport.WEBSOCKET, Serialization.MSGPACK);
    }
}

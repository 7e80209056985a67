package dev.switchboard.router.contract;

import dev.switchboard.wamp.codec.Serialization;

/** The router's two transports, as a test client reaches them. */
enum Transport {

    WEBSOCKET {
        @Override
        TestClient connect(Endpoints endpoints, Serialization serialization) {
            return WebSocketTestClient.connect(endpoints.webSocketPort(), serialization);
        }

        @Override
        int closeCode(int webSocketCode) {
            return webSocketCode;
        }
    },

    RAWSOCKET {
        @Override
        TestClient connect(Endpoints endpoints, Serialization serialization) {
            return RawSocketTestClient.connect(endpoints.rawSocketPort(), serialization);
        }

        @Override
        int closeCode(int webSocketCode) {
            return TestClient.Closed.NO_CLOSE_FRAME;
        }
    };

    /** Where the running router listens: the web server's port (WebSocket on {@code /ws}) and the RawSocket port. */
    record Endpoints(int webSocketPort, int rawSocketPort) {
    }

    abstract TestClient connect(Endpoints endpoints, Serialization serialization);

    /** How the router ends a connection that it closes with {@code webSocketCode} on WebSocket. */
    abstract int closeCode(int webSocketCode);
}

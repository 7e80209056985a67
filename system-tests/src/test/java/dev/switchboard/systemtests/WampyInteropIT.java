package dev.switchboard.systemtests;

import java.util.List;

/**
 * Wampy.js (npm {@code wampy}, with {@code ws}) on Node.js against the router, over WebSocket with JSON, MessagePack
 * and CBOR: everything Wampy can express of RPC, pub/sub and the meta API. Where Wampy leaves out an option it was
 * asked to send, the check is reported as not run, with the message it sent; whatever the router refuses fails. See
 * {@code src/test/interop/node/wampy.cjs}.
 */
class WampyInteropIT extends InteropTests {

    @Override
    InteropScenario scenario() {
        return InteropScenario.node("wampy", "wampy.cjs");
    }

    @Override
    List<Variant> variants() {
        return Variant.webSocket("json", "msgpack", "cbor");
    }

    @Override
    void requireClient() {
        InteropPrerequisites.requireNode("wampy", "ws");
    }
}

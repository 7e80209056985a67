package dev.switchboard.systemtests;

import java.util.List;
import java.util.stream.Stream;

/**
 * Autobahn|JS (npm {@code autobahn}) on Node.js against the router, over WebSocket with JSON, MessagePack and CBOR
 * and over RawSocket with JSON (the only serializer its RawSocket transport has): RPC with arguments, errors, shared
 * registrations, forced re-registration, concurrency limits, progressive results, cancel, callees that leave,
 * timeouts, disclosure and patterns; pub/sub with acknowledgement, exclusion, black- and whitelisting, disclosure,
 * patterns and retention; the session, registration, subscription and testament meta APIs. See
 * {@code src/test/interop/node/autobahn-js.cjs}.
 */
class AutobahnJsInteropIT extends InteropTests {

    @Override
    InteropScenario scenario() {
        return InteropScenario.node("autobahn-js", "autobahn-js.cjs");
    }

    @Override
    List<Variant> variants() {
        return Stream.concat(Variant.webSocket("json", "msgpack", "cbor").stream(), Variant.rawSocket("json").stream())
                .toList();
    }

    @Override
    void requireClient() {
        InteropPrerequisites.requireNode("autobahn", "ws");
    }
}

package dev.switchboard.systemtests;

import java.util.List;
import java.util.stream.Stream;

/**
 * Autobahn|Python (Debian's python3-autobahn, on asyncio) against the router, over WebSocket and RawSocket, each with
 * JSON, MessagePack and CBOR. As a callee that supports call canceling it also receives INTERRUPTs (kill, killnowait,
 * timeouts, callers that left). See {@code src/test/interop/python/autobahn_python.py}.
 */
class AutobahnPythonInteropIT extends InteropTests {

    @Override
    InteropScenario scenario() {
        return InteropScenario.python("autobahn-python", "autobahn_python.py");
    }

    @Override
    List<Variant> variants() {
        return Stream.concat(Variant.webSocket("json", "msgpack", "cbor").stream(),
                Variant.rawSocket("json", "msgpack", "cbor").stream()).toList();
    }

    @Override
    void requireClient() {
        InteropPrerequisites.requireAutobahnPython();
    }
}

package dev.switchboard.router.session;

import dev.switchboard.wamp.codec.Serialization;
import java.util.Map;

/**
 * What a transport tells about a connection.
 *
 * @param type          {@code websocket} or {@code rawsocket}
 * @param serialization the negotiated serialization
 * @param peer          the remote address, e.g. {@code tcp4:127.0.0.1:53422}
 * @param http          the HTTP request headers of a WebSocket upgrade (lower-case names), empty for RawSocket
 * @param secure        whether the connection is encrypted (TLS)
 */
public record TransportInfo(String type, Serialization serialization, String peer, Map<String, String> http,
                            boolean secure) {

    public TransportInfo {
        http = Map.copyOf(http);
    }
}

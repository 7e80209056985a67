package dev.switchboard.router.realm;

import java.time.Instant;
import java.util.Map;

/**
 * What the router knows about an established session, as the session meta API reports it.
 *
 * @param transport what the transport tells about the connection (type, serialization, peer, ...)
 */
public record SessionInfo(long sessionId, String realm, String authid, String authrole, String authmethod,
                          String authprovider, Map<String, Object> authextra, Map<String, Object> transport,
                          Instant joined) {

    public SessionInfo {
        authextra = Map.copyOf(authextra);
        transport = Map.copyOf(transport);
    }
}

package dev.switchboard.router.transport;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The transports' share of {@code switchboard.router.limits.*} (the session limits are bound by the router's
 * configuration from the same prefix).
 *
 * @param connectionsPerAddress how many connections one remote IP address may have open at once, WebSocket and
 *                              RawSocket together; more are refused (WebSocket: HTTP 429 before the upgrade;
 *                              RawSocket: handshake error 4, "maximum connection count reached", and a close).
 *                              {@code 0}, the default: no limit, because clients behind a proxy or NAT share an
 *                              address, and the router's own load test opens 10,000 sessions from one
 */
@ConfigurationProperties("switchboard.router.limits")
public record ConnectionLimits(@DefaultValue("0") int connectionsPerAddress) {

    public ConnectionLimits {
        if (connectionsPerAddress < 0) {
            throw new IllegalArgumentException("limits.connections-per-address must not be negative, got "
                    + connectionsPerAddress);
        }
    }
}

package dev.switchboard.wamp.spring.actuate;

import dev.switchboard.wamp.client.ConnectionState;
import dev.switchboard.wamp.client.SessionDetails;
import dev.switchboard.wamp.client.WampClient;
import dev.switchboard.wamp.spring.endpoint.WampEndpointRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The router connection: UP while the session is established and every endpoint is registered or subscribed, DOWN
 * otherwise; the details name the state, the session and the realm.
 */
public final class WampHealthIndicator extends AbstractHealthIndicator {

    private final WampClient client;
    private final @Nullable WampEndpointRegistry endpoints;

    public WampHealthIndicator(WampClient client, @Nullable WampEndpointRegistry endpoints) {
        super("WAMP health check failed");
        this.client = client;
        this.endpoints = endpoints;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        ConnectionState state = client.state();
        SessionDetails session = client.session();
        boolean endpointsHeld = endpoints == null || endpoints.allEstablished();
        builder.withDetail("state", state.name());
        if (session != null) {
            builder.withDetail("session", session.sessionId()).withDetail("realm", session.realm());
        }
        if (endpoints != null) {
            builder.withDetail("endpoints", endpoints.endpoints().size()).withDetail("endpointsHeld", endpointsHeld);
        }
        if (state == ConnectionState.ESTABLISHED && endpointsHeld) {
            builder.up();
        } else {
            builder.down();
        }
    }
}

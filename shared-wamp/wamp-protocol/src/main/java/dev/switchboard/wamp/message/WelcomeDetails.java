package dev.switchboard.wamp.message;

import dev.switchboard.wamp.ProtocolViolationException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code WELCOME.Details}: the router's {@code roles} and features (required), the identity the session was given
 * ({@code authid}, {@code authrole}, {@code authmethod}, {@code authprovider}, {@code authextra}), and the router's
 * {@code agent} string.
 *
 * @param other entries not typed here, passed through unchanged
 */
public record WelcomeDetails(Roles roles, @Nullable String authid, @Nullable String authrole,
                             @Nullable String authmethod, @Nullable String authprovider,
                             Map<String, Object> authextra, @Nullable String agent, Map<String, Object> other) {

    public WelcomeDetails {
        authextra = Values.map(authextra);
        other = Values.map(other);
    }

    public static WelcomeDetails fromWire(Map<String, Object> wire) {
        WireFields fields = new WireFields("WELCOME.Details", wire);
        Map<String, Object> roles = fields.dict("roles");
        if (roles == null) {
            throw new ProtocolViolationException("WELCOME.Details.roles is required");
        }
        Map<String, Object> authextra = fields.dict("authextra");
        return new WelcomeDetails(
                Roles.fromWire("WELCOME.Details.roles", roles, Roles.ROUTER_ROLES),
                fields.string("authid"),
                fields.string("authrole"),
                fields.string("authmethod"),
                fields.string("authprovider"),
                authextra == null ? Map.of() : authextra,
                fields.string("agent"),
                fields.other());
    }

    public Map<String, Object> toWire() {
        return new WireFields.Writer()
                .put("roles", roles.byName())
                .put("authid", authid)
                .put("authrole", authrole)
                .put("authmethod", authmethod)
                .put("authprovider", authprovider)
                .put("authextra", authextra.isEmpty() ? null : authextra)
                .put("agent", agent)
                .with(other);
    }
}

package dev.switchboard.wamp.message;

import dev.switchboard.wamp.ProtocolViolationException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code HELLO.Details}: the client's {@code roles} (required), the {@code authmethods} it offers in order of
 * preference, the {@code authid} and {@code authrole} it asks for, {@code authextra} (e.g. the cryptosign public
 * key) and its {@code agent} string.
 *
 * @param other entries not typed here, passed through unchanged
 */
public record HelloDetails(Roles roles, List<String> authmethods, @Nullable String authid, @Nullable String authrole,
                           Map<String, Object> authextra, @Nullable String agent, Map<String, Object> other) {

    public HelloDetails {
        authmethods = List.copyOf(authmethods);
        authextra = Values.map(authextra);
        other = Values.map(other);
    }

    public static HelloDetails fromWire(Map<String, Object> wire) {
        WireFields fields = new WireFields("HELLO.Details", wire);
        Map<String, Object> roles = fields.dict("roles");
        if (roles == null) {
            throw new ProtocolViolationException("HELLO.Details.roles is required");
        }
        List<String> authmethods = fields.strings("authmethods");
        Map<String, Object> authextra = fields.dict("authextra");
        return new HelloDetails(
                Roles.fromWire("HELLO.Details.roles", roles, Roles.CLIENT_ROLES),
                authmethods == null ? List.of() : authmethods,
                fields.string("authid"),
                fields.string("authrole"),
                authextra == null ? Map.of() : authextra,
                fields.string("agent"),
                fields.other());
    }

    public Map<String, Object> toWire() {
        return new WireFields.Writer()
                .put("roles", roles.byName())
                .put("authmethods", authmethods.isEmpty() ? null : authmethods)
                .put("authid", authid)
                .put("authrole", authrole)
                .put("authextra", authextra.isEmpty() ? null : authextra)
                .put("agent", agent)
                .with(other);
    }
}

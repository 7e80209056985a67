package dev.switchboard.wamp.message;

import dev.switchboard.wamp.ProtocolViolationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code HELLO.Details.roles} and {@code WELCOME.Details.roles}: the roles a peer plays and, per role, the advanced
 * features it announces ({@code {"callee": {"features": {"call_canceling": true}}}}).
 *
 * @param byName each role's dictionary as sent, passed through unchanged
 */
public record Roles(Map<String, Object> byName) {

    public static final String CALLER = "caller";
    public static final String CALLEE = "callee";
    public static final String PUBLISHER = "publisher";
    public static final String SUBSCRIBER = "subscriber";
    public static final String BROKER = "broker";
    public static final String DEALER = "dealer";

    private static final Set<String> KNOWN = Set.of(CALLER, CALLEE, PUBLISHER, SUBSCRIBER, BROKER, DEALER);

    public Roles {
        byName = Values.map(byName);
    }

    /** Roles with the given features each, e.g. {@code of(Map.of("dealer", Set.of("call_canceling")))}. */
    public static Roles of(Map<String, Set<String>> featuresByRole) {
        LinkedHashMap<String, Object> roles = new LinkedHashMap<>();
        featuresByRole.forEach((role, features) -> {
            LinkedHashMap<String, Object> flags = new LinkedHashMap<>();
            features.stream().sorted().forEach(feature -> flags.put(feature, true));
            roles.put(role, flags.isEmpty() ? Map.of() : Map.of("features", Values.map(flags)));
        });
        return new Roles(roles);
    }

    static Roles fromWire(String where, Map<String, Object> wire) {
        if (wire.isEmpty()) {
            throw new ProtocolViolationException(where + " must announce at least one role");
        }
        for (Map.Entry<String, Object> role : wire.entrySet()) {
            if (!(role.getValue() instanceof Map<?, ?> details)) {
                throw new ProtocolViolationException(where + "." + role.getKey() + " must be a dict");
            }
            Object features = details.get("features");
            if (features != null && !(features instanceof Map<?, ?>)) {
                throw new ProtocolViolationException(where + "." + role.getKey() + ".features must be a dict");
            }
        }
        if (wire.keySet().stream().noneMatch(KNOWN::contains)) {
            throw new ProtocolViolationException(where + " names no WAMP role, only " + wire.keySet());
        }
        return new Roles(wire);
    }

    public boolean has(String role) {
        return byName.containsKey(role);
    }

    /** Whether {@code role} is played and announces {@code feature} as {@code true}. */
    public boolean supports(String role, String feature) {
        return byName.get(role) instanceof Map<?, ?> details
                && details.get("features") instanceof Map<?, ?> features
                && Boolean.TRUE.equals(features.get(feature));
    }
}

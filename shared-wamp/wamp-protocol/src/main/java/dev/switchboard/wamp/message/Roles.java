package dev.switchboard.wamp.message;

import dev.switchboard.wamp.ProtocolViolationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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

    /** The roles a client announces in HELLO (basic profile, "HELLO"). */
    static final Set<String> CLIENT_ROLES = Set.of(CALLER, CALLEE, PUBLISHER, SUBSCRIBER);
    /** The roles a router announces in WELCOME (basic profile, "WELCOME"). */
    static final Set<String> ROUTER_ROLES = Set.of(BROKER, DEALER);

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

    /**
     * The roles of a HELLO ({@link #CLIENT_ROLES}) or a WELCOME ({@link #ROUTER_ROLES}): the peer MUST announce at
     * least one of the roles of its side; roles it does not know are passed through.
     */
    static Roles fromWire(String where, Map<String, Object> wire, Set<String> side) {
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
        if (wire.keySet().stream().noneMatch(side::contains)) {
            throw new ProtocolViolationException(where + " must include one of " + new TreeSet<>(side)
                    + ", got only " + wire.keySet());
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

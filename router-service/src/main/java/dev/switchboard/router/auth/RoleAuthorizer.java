package dev.switchboard.router.auth;

import dev.switchboard.wamp.matching.UriPatternIndex;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Static role-based authorization, as configured per realm: each role has permission rules with URI patterns; for
 * a request the best-matching rule of the session's role decides (exact, then the longest prefix, then the most
 * specific wildcard: the same precedence as the dealer's). Anything no rule allows is denied, as is every role not
 * configured.
 */
public final class RoleAuthorizer implements Authorizer {

    private final Map<String, UriPatternIndex<Permission>> rules = new HashMap<>();
    private final Set<String> trustedRoles;
    private final Map<String, DynamicAuthorizer> dynamic;

    /**
     * @param roles        the permission rules of each role
     * @param trustedRoles the roles that may use administrative meta procedures
     */
    public RoleAuthorizer(Map<String, List<Permission>> roles, Set<String> trustedRoles) {
        this(roles, trustedRoles, Map.of());
    }

    /**
     * @param roles        the permission rules of each role
     * @param trustedRoles the roles that may use administrative meta procedures
     * @param dynamic      the roles decided by a dynamic authorizer instead of rules
     */
    public RoleAuthorizer(Map<String, List<Permission>> roles, Set<String> trustedRoles,
                          Map<String, DynamicAuthorizer> dynamic) {
        this.dynamic = Map.copyOf(dynamic);
        roles.forEach((role, permissions) -> {
            UriPatternIndex<Permission> index = new UriPatternIndex<>();
            permissions.forEach(permission -> index.put(permission.pattern(), permission));
            rules.put(role, index);
        });
        this.trustedRoles = Set.copyOf(trustedRoles);
    }

    @Override
    public Decision authorize(String authrole, Action action, String uri) {
        UriPatternIndex<Permission> index = rules.get(authrole);
        UriPatternIndex.Entry<Permission> rule = index == null ? null : index.bestMatch(uri);
        if (rule == null || !rule.value().allow().contains(action)) {
            return Decision.DENIED;
        }
        Permission permission = rule.value();
        boolean disclose = action == Action.CALL ? permission.discloseCaller()
                : action == Action.PUBLISH && permission.disclosePublisher();
        return disclose ? new Decision(true, true) : Decision.ALLOWED;
    }

    @Override
    public @Nullable DynamicAuthorizer dynamic(String authrole) {
        return dynamic.get(authrole);
    }

    @Override
    public boolean trusted(String authrole) {
        return trustedRoles.contains(authrole);
    }
}

package dev.switchboard.router.config;

import dev.switchboard.router.auth.Action;
import dev.switchboard.router.auth.Authorizer;
import dev.switchboard.router.auth.DynamicAuthorizer;
import dev.switchboard.router.auth.Permission;
import dev.switchboard.router.auth.ProcedureCaller;
import dev.switchboard.router.auth.RoleAuthorizer;
import dev.switchboard.wamp.matching.UriPattern;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** Builds a realm's authorizer from its configured roles. */
final class Authorizers {

    private Authorizers() {
    }

    static Authorizer of(RouterProperties.RealmConfig realm) {
        return of(realm, null);
    }

    /** @param caller the router's caller on this realm, for dynamic authorizers */
    static Authorizer of(RouterProperties.RealmConfig realm, @Nullable ProcedureCaller caller) {
        if (realm.roles() == null) {
            return Authorizer.PERMIT_ALL;
        }
        Map<String, List<Permission>> roles = new HashMap<>();
        Set<String> trusted = new HashSet<>();
        Map<String, DynamicAuthorizer> dynamic = new HashMap<>();
        realm.roles().forEach((role, config) -> {
            roles.put(role, config.permissions().stream().map(Authorizers::permission).toList());
            if (config.trusted()) {
                trusted.add(role);
            }
            if (config.authorizer() != null) {
                if (caller == null) {
                    throw new IllegalStateException("role " + role + " of realm " + realm.name()
                            + " has a dynamic authorizer, but the router cannot call it");
                }
                dynamic.put(role, new DynamicAuthorizer(config.authorizer(), caller, config.authorizerTimeout()));
            }
        });
        return new RoleAuthorizer(roles, trusted, dynamic);
    }

    /** Whether a role of {@code realm} is trusted: every role where no roles are configured. */
    static Predicate<String> trusted(RouterProperties.RealmConfig realm) {
        if (realm.roles() == null) {
            return role -> true;
        }
        Set<String> trusted = new HashSet<>();
        realm.roles().forEach((role, config) -> {
            if (config.trusted()) {
                trusted.add(role);
            }
        });
        return trusted::contains;
    }

    private static Permission permission(RouterProperties.PermissionConfig config) {
        Set<Action> allow = EnumSet.noneOf(Action.class);
        if (config.allow().call()) {
            allow.add(Action.CALL);
        }
        if (config.allow().register()) {
            allow.add(Action.REGISTER);
        }
        if (config.allow().publish()) {
            allow.add(Action.PUBLISH);
        }
        if (config.allow().subscribe()) {
            allow.add(Action.SUBSCRIBE);
        }
        return new Permission(new UriPattern(config.uri(), config.match()), allow, config.disclose().caller(),
                config.disclose().publisher());
    }
}

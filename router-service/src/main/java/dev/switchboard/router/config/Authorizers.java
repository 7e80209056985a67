package dev.switchboard.router.config;

import dev.switchboard.router.auth.Action;
import dev.switchboard.router.auth.Authorizer;
import dev.switchboard.router.auth.Permission;
import dev.switchboard.router.auth.RoleAuthorizer;
import dev.switchboard.wamp.matching.UriPattern;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds a realm's authorizer from its configured roles. */
final class Authorizers {

    private Authorizers() {
    }

    static Authorizer of(RouterProperties.RealmConfig realm) {
        if (realm.roles() == null) {
            return Authorizer.PERMIT_ALL;
        }
        Map<String, List<Permission>> roles = new HashMap<>();
        Set<String> trusted = new HashSet<>();
        realm.roles().forEach((role, config) -> {
            roles.put(role, config.permissions().stream().map(Authorizers::permission).toList());
            if (config.trusted()) {
                trusted.add(role);
            }
        });
        return new RoleAuthorizer(roles, trusted);
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

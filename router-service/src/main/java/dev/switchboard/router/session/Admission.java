package dev.switchboard.router.session;

import dev.switchboard.router.auth.Authenticator;
import dev.switchboard.router.auth.Authorizer;
import dev.switchboard.router.realm.Realm;
import dev.switchboard.router.realm.RealmRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which realms exist, which authentication methods each accepts (in the router's order of preference), and what
 * their sessions may do.
 *
 * @param authenticators per realm name; a realm without an entry admits no one
 * @param authorizers    per realm name; a realm without an entry allows everything
 * @param routerCalls    per realm name, the procedures the router calls there (dynamic authenticators and
 *                       authorizers): only sessions of a trusted role may register them
 */
public record Admission(RealmRegistry realms, Map<String, List<Authenticator>> authenticators,
                        Map<String, Authorizer> authorizers, Map<String, Set<String>> routerCalls) {

    public Admission {
        authenticators = Map.copyOf(authenticators);
        authorizers = Map.copyOf(authorizers);
        Map<String, Set<String>> copy = new HashMap<>();
        routerCalls.forEach((realm, procedures) -> copy.put(realm, Set.copyOf(procedures)));
        routerCalls = Map.copyOf(copy);
    }

    public Admission(RealmRegistry realms, Map<String, List<Authenticator>> authenticators,
                     Map<String, Authorizer> authorizers) {
        this(realms, authenticators, authorizers, Map.of());
    }

    public Admission(RealmRegistry realms, Map<String, List<Authenticator>> authenticators) {
        this(realms, authenticators, Map.of());
    }

    /** Whether the router calls {@code procedure} on {@code realm}, so that only trusted roles may register it. */
    boolean calledByRouter(String realm, String procedure) {
        Set<String> procedures = routerCalls.get(realm);
        return procedures != null && procedures.contains(procedure);
    }

    Authorizer authorizer(String realm) {
        return authorizers.getOrDefault(realm, Authorizer.PERMIT_ALL);
    }

    @Nullable Realm realm(String name) {
        return realms.find(name);
    }

    /**
     * The authenticator for a client offering {@code offered} (in its order of preference; empty means it offers
     * only {@code anonymous}), or {@code null} when the realm accepts none of them.
     */
    @Nullable Authenticator authenticatorFor(String realm, List<String> offered) {
        List<Authenticator> available = authenticators.getOrDefault(realm, List.of());
        List<String> wanted = offered.isEmpty() ? List.of("anonymous") : offered;
        for (String method : wanted) {
            for (Authenticator authenticator : available) {
                if (authenticator.method().equals(method)) {
                    return authenticator;
                }
            }
        }
        return null;
    }
}

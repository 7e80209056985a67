package dev.switchboard.router.session;

import dev.switchboard.router.auth.Authenticator;
import dev.switchboard.router.auth.Authorizer;
import dev.switchboard.router.realm.Realm;
import dev.switchboard.router.realm.RealmRegistry;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which realms exist, which authentication methods each accepts (in the router's order of preference), and what
 * their sessions may do.
 *
 * @param authenticators per realm name; a realm without an entry admits no one
 * @param authorizers    per realm name; a realm without an entry allows everything
 */
public record Admission(RealmRegistry realms, Map<String, List<Authenticator>> authenticators,
                        Map<String, Authorizer> authorizers) {

    public Admission {
        authenticators = Map.copyOf(authenticators);
        authorizers = Map.copyOf(authorizers);
    }

    public Admission(RealmRegistry realms, Map<String, List<Authenticator>> authenticators) {
        this(realms, authenticators, Map.of());
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

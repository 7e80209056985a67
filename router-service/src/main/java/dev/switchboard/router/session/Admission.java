package dev.switchboard.router.session;

import dev.switchboard.router.auth.Authenticator;
import dev.switchboard.router.realm.Realm;
import dev.switchboard.router.realm.RealmRegistry;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which realms exist and which authentication methods each accepts, in the router's order of preference.
 *
 * @param authenticators per realm name; a realm without an entry admits no one
 */
public record Admission(RealmRegistry realms, Map<String, List<Authenticator>> authenticators) {

    public Admission {
        authenticators = Map.copyOf(authenticators);
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

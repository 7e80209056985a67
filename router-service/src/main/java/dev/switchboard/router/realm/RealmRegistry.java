package dev.switchboard.router.realm;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The router's realms by name, fixed at start-up. Thread-safe for reading. */
public final class RealmRegistry {

    private final Map<String, Realm> realms;

    public RealmRegistry(Collection<Realm> realms) {
        Map<String, Realm> byName = new LinkedHashMap<>();
        realms.forEach(realm -> byName.put(realm.name(), realm));
        this.realms = Collections.unmodifiableMap(byName);
    }

    public @Nullable Realm find(String name) {
        return realms.get(name);
    }

    public Collection<Realm> all() {
        return realms.values();
    }
}

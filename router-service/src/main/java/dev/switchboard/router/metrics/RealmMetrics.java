package dev.switchboard.router.metrics;

import dev.switchboard.router.realm.Realm;
import dev.switchboard.router.realm.RealmRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Per realm: {@code wamp.sessions} (sessions joined) and {@code wamp.routing.backlog} (tasks and timers waiting on
 * the realm's routing loop; a backlog that keeps growing means the loop cannot keep up).
 */
public final class RealmMetrics implements MeterBinder {

    private final RealmRegistry realms;

    public RealmMetrics(RealmRegistry realms) {
        this.realms = realms;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Realm realm : realms.all()) {
            Gauge.builder("wamp.sessions", realm, Realm::size)
                    .description("Sessions joined to the realm")
                    .tag("realm", realm.name())
                    .register(registry);
            Gauge.builder("wamp.routing.backlog", realm, r -> r.loop().backlog())
                    .description("Tasks and timers waiting on the realm's routing loop")
                    .tag("realm", realm.name())
                    .register(registry);
        }
    }
}

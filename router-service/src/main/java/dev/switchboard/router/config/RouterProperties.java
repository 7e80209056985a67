package dev.switchboard.router.config;

import dev.switchboard.wamp.Match;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The router's realms and routing limits ({@code switchboard.router.*}).
 *
 * @param realms the realms clients may join; by default one realm, {@code realm1}, open to anonymous clients
 * @param calls  limits that apply to every call
 */
@ConfigurationProperties("switchboard.router")
public record RouterProperties(@Nullable List<RealmConfig> realms, @DefaultValue Calls calls) {

    public RouterProperties {
        realms = realms == null || realms.isEmpty() ? List.of(new RealmConfig("realm1")) : List.copyOf(realms);
    }

    /**
     * One realm.
     *
     * @param name the realm's URI, as clients give it in HELLO
     */
    public record RealmConfig(String name) {
    }

    /**
     * Call limits.
     *
     * @param defaultTimeout the timeout of a call that sets none ({@code 0}: none)
     * @param maxTimeout     the longest timeout a call gets, whatever it asks for ({@code 0}: no cap)
     * @param queues         procedures whose calls wait in a bounded FIFO queue when every callee is at its
     *                       concurrency limit, instead of failing with {@code crossbar.error.max_concurrency_reached}
     */
    public record Calls(@DefaultValue("5m") Duration defaultTimeout, @DefaultValue("1h") Duration maxTimeout,
                        @Nullable List<CallQueue> queues) {

        public Calls {
            queues = queues == null ? List.of() : List.copyOf(queues);
        }
    }

    /**
     * A call queue.
     *
     * @param uri      the procedure URI or pattern
     * @param match    how {@code uri} matches procedures
     * @param capacity how many calls may wait
     */
    public record CallQueue(String uri, @DefaultValue("exact") Match match, int capacity) {
    }
}

package dev.switchboard.router.config;

import dev.switchboard.router.auth.Authenticator;
import dev.switchboard.router.auth.Authorizer;
import dev.switchboard.router.broker.Broker;
import dev.switchboard.router.dealer.Dealer;
import dev.switchboard.router.dealer.DealerSettings;
import dev.switchboard.router.meta.MetaAccess;
import dev.switchboard.router.meta.MetaSession;
import dev.switchboard.router.metrics.CallMetrics;
import dev.switchboard.router.metrics.RealmMetrics;
import dev.switchboard.router.metrics.TrafficMetrics;
import dev.switchboard.router.realm.Realm;
import dev.switchboard.router.realm.RealmRegistry;
import dev.switchboard.router.routing.ExecutorRoutingLoop;
import dev.switchboard.router.session.Admission;
import dev.switchboard.router.session.Sessions;
import dev.switchboard.wamp.matching.UriPattern;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the router from {@link RouterProperties}: realms with their loops, brokers, dealers and meta sessions, and
 * sessions.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RouterProperties.class)
public class RouterConfiguration {

    @Bean
    RealmRegistry realmRegistry(RouterProperties properties, MeterRegistry meterRegistry) {
        DealerSettings dealerSettings = dealerSettings(properties.calls());
        List<Realm> realms = new ArrayList<>();
        for (RouterProperties.RealmConfig config : properties.realms()) {
            ExecutorRoutingLoop loop = new ExecutorRoutingLoop("realm-" + config.name());
            Clock clock = Clock.systemUTC();
            MetaSession meta = new MetaSession(metaAccess(Authorizers.of(config)));
            Realm realm = new Realm(config.name(), loop,
                    new Broker(meta, clock),
                    new Dealer(loop, dealerSettings, meta, new CallMetrics(meterRegistry, config.name()), clock),
                    meta);
            meta.start(realm);
            realms.add(realm);
        }
        return new RealmRegistry(realms);
    }

    /** The administrative meta procedures ({@code wamp.session.kill*}) are reserved to trusted roles. */
    private static MetaAccess metaAccess(Authorizer authorizer) {
        return (procedure, caller) -> !procedure.startsWith("wamp.session.kill")
                || caller != null && authorizer.trusted(caller.info().authrole());
    }

    private static DealerSettings dealerSettings(RouterProperties.Calls calls) {
        Map<UriPattern, Integer> queues = new LinkedHashMap<>();
        calls.queues().forEach(queue -> queues.put(new UriPattern(queue.uri(), queue.match()), queue.capacity()));
        return new DealerSettings(calls.defaultTimeout(), calls.maxTimeout(), queues);
    }

    @Bean
    RealmMetrics realmMetrics(RealmRegistry realms) {
        return new RealmMetrics(realms);
    }

    @Bean
    Admission admission(RouterProperties properties, RealmRegistry realms) {
        Map<String, List<Authenticator>> authenticators = new LinkedHashMap<>();
        Map<String, Authorizer> authorizers = new LinkedHashMap<>();
        properties.realms().forEach(realm -> {
            authenticators.put(realm.name(), Authenticators.of(realm));
            authorizers.put(realm.name(), Authorizers.of(realm));
        });
        return new Admission(realms, authenticators, authorizers);
    }

    @Bean
    Sessions sessions(Admission admission, MeterRegistry meterRegistry) {
        return new Sessions(admission, new TrafficMetrics(meterRegistry));
    }
}

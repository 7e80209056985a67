package dev.switchboard.router.config;

import dev.switchboard.router.auth.Authenticator;
import dev.switchboard.router.auth.Authorizer;
import dev.switchboard.router.auth.ProcedureCaller;
import dev.switchboard.router.broker.Broker;
import dev.switchboard.router.dealer.Dealer;
import dev.switchboard.router.dealer.DealerSettings;
import dev.switchboard.router.meta.MetaAccess;
import dev.switchboard.router.meta.MetaSession;
import dev.switchboard.router.auth.AuthFailures;
import dev.switchboard.router.metrics.CallMetrics;
import dev.switchboard.router.metrics.LimitMetrics;
import dev.switchboard.router.metrics.RealmMetrics;
import dev.switchboard.router.metrics.TrafficMetrics;
import dev.switchboard.router.realm.Realm;
import dev.switchboard.router.realm.RealmRegistry;
import dev.switchboard.router.realm.RouterCalls;
import dev.switchboard.router.routing.ExecutorRoutingLoop;
import dev.switchboard.router.session.Admission;
import dev.switchboard.router.session.SessionLimits;
import dev.switchboard.router.session.Sessions;
import dev.switchboard.wamp.matching.UriPattern;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
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
    LimitMetrics limitMetrics(MeterRegistry meterRegistry) {
        return new LimitMetrics(meterRegistry);
    }

    @Bean
    RealmRegistry realmRegistry(RouterProperties properties, MeterRegistry meterRegistry, LimitMetrics limits) {
        DealerSettings dealerSettings = dealerSettings(properties.calls(), properties.limits());
        List<Realm> realms = new ArrayList<>();
        for (RouterProperties.RealmConfig config : properties.realms()) {
            ExecutorRoutingLoop loop = new ExecutorRoutingLoop("realm-" + config.name());
            Clock clock = Clock.systemUTC();
            MetaSession meta = new MetaSession(metaAccess(Authorizers.trusted(config)));
            Realm realm = new Realm(config.name(), loop,
                    new Broker(meta, clock, properties.limits().subscriptionsPerSession(), limits),
                    new Dealer(loop, dealerSettings, meta, new CallMetrics(meterRegistry, config.name()), limits,
                            clock),
                    meta);
            meta.start(realm);
            realms.add(realm);
        }
        return new RealmRegistry(realms);
    }

    /** The administrative meta procedures ({@code wamp.session.kill*}) are reserved to trusted roles. */
    private static MetaAccess metaAccess(Predicate<String> trusted) {
        return (procedure, caller) -> !procedure.startsWith("wamp.session.kill")
                || caller != null && trusted.test(caller.info().authrole());
    }

    private static DealerSettings dealerSettings(RouterProperties.Calls calls, RouterProperties.Limits limits) {
        Map<UriPattern, Integer> queues = new LinkedHashMap<>();
        calls.queues().forEach(queue -> queues.put(new UriPattern(queue.uri(), queue.match()), queue.capacity()));
        return new DealerSettings(calls.defaultTimeout(), calls.maxTimeout(), queues,
                limits.pendingCallsPerSession());
    }

    @Bean
    RealmMetrics realmMetrics(RealmRegistry realms) {
        return new RealmMetrics(realms);
    }

    @Bean
    Admission admission(RouterProperties properties, RealmRegistry realms) {
        Map<String, ProcedureCaller> callers = new HashMap<>();
        realms.all().forEach(realm -> callers.put(realm.name(), new RouterCalls(realm)));
        Function<String, ProcedureCaller> callerOn = name -> {
            ProcedureCaller caller = callers.get(name);
            if (caller == null) {
                throw new IllegalStateException("a dynamic authenticator is to be called on realm " + name
                        + ", which is not configured");
            }
            return caller;
        };
        Map<String, List<Authenticator>> authenticators = new LinkedHashMap<>();
        Map<String, Authorizer> authorizers = new LinkedHashMap<>();
        Map<String, Set<String>> routerCalls = new HashMap<>();
        properties.realms().forEach(realm -> {
            authenticators.put(realm.name(), Authenticators.of(realm, callerOn));
            authorizers.put(realm.name(), Authorizers.of(realm, callers.get(realm.name())));
            RouterProperties.Dynamic dynamic = realm.auth() == null ? null : realm.auth().dynamic();
            if (dynamic != null) {
                routerCalls.computeIfAbsent(dynamic.realm() == null ? realm.name() : dynamic.realm(),
                        name -> new HashSet<>()).add(dynamic.authenticator());
            }
            if (realm.roles() != null) {
                realm.roles().values().stream()
                        .filter(role -> role.authorizer() != null)
                        .forEach(role -> routerCalls.computeIfAbsent(realm.name(), name -> new HashSet<>())
                                .add(role.authorizer()));
            }
        });
        return new Admission(realms, authenticators, authorizers, routerCalls);
    }

    @Bean
    Sessions sessions(Admission admission, RouterProperties properties, MeterRegistry meterRegistry,
                      LimitMetrics limits) {
        return new Sessions(admission, new TrafficMetrics(meterRegistry), AuthFailures.standard(),
                new SessionLimits(properties.limits().messagesPerSecond(), properties.limits().messageBurst()),
                limits);
    }
}

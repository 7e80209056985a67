package dev.switchboard.compute;

import dev.switchboard.wamp.spring.WampTemplate;
import dev.switchboard.wamp.spring.WampValues;
import dev.switchboard.wamp.spring.actuate.LoadContributor;
import dev.switchboard.wamp.spring.actuate.WampLoadPublisher;
import dev.switchboard.wamp.spring.endpoint.WampEndpoint;
import dev.switchboard.wamp.spring.endpoint.WampEndpointRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The compute instance's beans: problem source and cache, the anneal logic, its endpoint and its load entries. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ComputeProperties.class)
class ComputeConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProblemSource problemSource(WampTemplate wampTemplate, WampValues wampValues) {
        return new WampProblemSource(wampTemplate, wampValues);
    }

    @Bean
    ProblemCache problemCache(ProblemSource problemSource, ComputeProperties properties) {
        return new ProblemCache(problemSource, properties.cachedProblems());
    }

    @Bean
    AnnealService annealService(ProblemCache problemCache, ComputeProperties properties,
                                ObjectProvider<WampLoadPublisher> loadPublisher, Environment environment) {
        return new AnnealService(problemCache, memoize(() -> instanceId(loadPublisher, environment)),
                properties.maxDurationMs());
    }

    @Bean(destroyMethod = "close")
    AnnealEndpoint annealEndpoint(AnnealService annealService, WampValues wampValues, ComputeProperties properties,
                                  ObjectProvider<WampEndpointRegistry> registry) {
        AnnealEndpoint endpoint = new AnnealEndpoint(annealService, wampValues, properties.effectiveConcurrency());
        registry.ifAvailable(endpoints -> endpoints.add(
                new WampEndpoint.Procedure(AnnealEndpoint.uri(), endpoint.options(), endpoint::invoke)));
        return endpoint;
    }

    /** {@code activeCalls} and {@code proposalsPerSec} in every {@code tsp.compute.load} event. */
    @Bean
    LoadContributor computeLoad(AnnealService annealService) {
        return () -> {
            Map<String, Object> load = new LinkedHashMap<>();
            load.put("activeCalls", (long) annealService.activeCalls());
            load.put("proposalsPerSec", annealService.proposalsPerSec());
            return load;
        };
    }

    /** The starter's instance id (the one in the load events), or one made the same way when there is no publisher. */
    private static String instanceId(ObjectProvider<WampLoadPublisher> loadPublisher, Environment environment) {
        WampLoadPublisher publisher = loadPublisher.getIfAvailable();
        if (publisher != null && publisher.sample().get("instanceId") instanceof String id) {
            return id;
        }
        String configured = environment.getProperty("switchboard.wamp.load.instance-id");
        return configured != null ? configured : environment.getProperty("spring.application.name", "compute")
                + "-" + ProcessHandle.current().pid();
    }

    private static Supplier<String> memoize(Supplier<String> supplier) {
        return new Supplier<>() {
            private volatile @org.jspecify.annotations.Nullable String value;

            @Override
            public String get() {
                String known = value;
                if (known == null) {
                    known = supplier.get();
                    value = known;
                }
                return known;
            }
        };
    }
}

package dev.switchboard.wamp.spring.actuate;

import dev.switchboard.wamp.client.WampClient;
import dev.switchboard.wamp.spring.WampAutoConfiguration;
import dev.switchboard.wamp.spring.WampProperties;
import dev.switchboard.wamp.spring.WampValues;
import dev.switchboard.wamp.spring.endpoint.WampEndpointRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The load publisher, when {@code switchboard.wamp.load.topic} names a topic. */
@AutoConfiguration(after = WampAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnBean(WampClient.class)
@ConditionalOnProperty("switchboard.wamp.load.topic")
public final class WampLoadAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    WampLoadPublisher wampLoadPublisher(WampClient wampClient, WampValues wampValues, WampProperties properties,
                                        ObjectProvider<WampEndpointRegistry> endpoints,
                                        ObjectProvider<LoadContributor> contributors, Environment environment) {
        WampProperties.Load load = properties.load();
        String instanceId = load.instanceId() != null ? load.instanceId() : defaultInstanceId(environment);
        return new WampLoadPublisher(wampClient, wampValues, endpoints.getIfAvailable(),
                contributors.orderedStream().toList(), load.topic(), load.interval(), instanceId, load.kind());
    }

    /** {@code <application name>-<host name or pid>-<random>}: unique even for replicas of one pod template. */
    static String defaultInstanceId(Environment environment) {
        String host = System.getenv("HOSTNAME");
        return environment.getProperty("spring.application.name", "app") + "-"
                + (host != null && !host.isBlank() ? host : String.valueOf(ProcessHandle.current().pid())) + "-"
                + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
    }

    /** The Micrometer view of the load, when the application has a registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    static class MeterLoad {

        @Bean
        @ConditionalOnMissingBean
        MeterLoadContributor meterLoadContributor(MeterRegistry meterRegistry, WampProperties properties) {
            return new MeterLoadContributor(meterRegistry, properties.load().meters());
        }
    }
}

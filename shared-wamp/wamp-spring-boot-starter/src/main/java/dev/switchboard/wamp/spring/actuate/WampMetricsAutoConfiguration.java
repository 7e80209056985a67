package dev.switchboard.wamp.spring.actuate;

import dev.switchboard.wamp.client.WampClient;
import dev.switchboard.wamp.spring.WampAutoConfiguration;
import dev.switchboard.wamp.spring.WampMetricsRecorder;
import dev.switchboard.wamp.spring.endpoint.WampEndpointRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The starter's Micrometer metrics ({@link MicrometerWampMetrics}), when the application has a {@link MeterRegistry}.
 * It runs before {@link WampAutoConfiguration}, whose do-nothing recorder then gives way.
 */
@AutoConfiguration(before = WampAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "switchboard.wamp.enabled", matchIfMissing = true)
public final class WampMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(WampMetricsRecorder.class)
    MicrometerWampMetrics wampMetricsRecorder(MeterRegistry meterRegistry) {
        return new MicrometerWampMetrics(meterRegistry);
    }

    /** Once every bean exists: follows the client's state and gauges the busy handlers. */
    @Bean
    @ConditionalOnMissingBean(name = "wampClientMeterBinder")
    SmartInitializingSingleton wampClientMeterBinder(MeterRegistry meterRegistry,
                                                     ObjectProvider<MicrometerWampMetrics> metrics,
                                                     ObjectProvider<WampClient> client,
                                                     ObjectProvider<WampEndpointRegistry> endpoints) {
        return () -> {
            MicrometerWampMetrics recorder = metrics.getIfAvailable();
            WampClient wampClient = client.getIfAvailable();
            if (recorder != null && wampClient != null) {
                wampClient.addStateListener(recorder);
            }
            WampEndpointRegistry registry = endpoints.getIfAvailable();
            if (registry != null) {
                meterRegistry.gauge("wamp.endpoint.busy", registry, WampEndpointRegistry::busyHandlers);
            }
        };
    }
}

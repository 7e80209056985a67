package dev.switchboard.wamp.spring.actuate;

import dev.switchboard.wamp.client.WampClient;
import dev.switchboard.wamp.spring.WampAutoConfiguration;
import dev.switchboard.wamp.spring.endpoint.WampEndpointRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/** The {@code wamp} health indicator, when the application has Spring Boot's health support. */
@AutoConfiguration(after = WampAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(WampClient.class)
@ConditionalOnEnabledHealthIndicator("wamp")
public final class WampHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "wampHealthIndicator")
    WampHealthIndicator wampHealthIndicator(WampClient wampClient, ObjectProvider<WampEndpointRegistry> endpoints) {
        return new WampHealthIndicator(wampClient, endpoints.getIfAvailable());
    }
}

package dev.switchboard.wamp.spring;

import dev.switchboard.wamp.client.Authenticator;
import dev.switchboard.wamp.client.ReconnectPolicy;
import dev.switchboard.wamp.client.WampClient;
import dev.switchboard.wamp.spring.endpoint.WampAnnotationBeanPostProcessor;
import dev.switchboard.wamp.spring.endpoint.WampEndpointRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application's WAMP client ({@code switchboard.wamp.*}), connected while the context runs, with the endpoints of
 * its {@code @WampProcedure} and {@code @WampSubscriber} methods and a {@link WampTemplate}. Every bean gives way to
 * one of the application's own. {@code switchboard.wamp.enabled=false} configures nothing.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnBooleanProperty(name = "switchboard.wamp.enabled", matchIfMissing = true)
@EnableConfigurationProperties(WampProperties.class)
public final class WampAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    WampClient wampClient(WampProperties properties) {
        WampClient.Builder builder = WampClient.builder(properties.url(), properties.realm())
                .serialization(properties.serializer())
                .reconnect(reconnectPolicy(properties.reconnect()));
        WampProperties.Auth auth = properties.auth();
        if (auth.authid() != null) {
            builder.authid(auth.authid());
        }
        if (auth.authrole() != null) {
            builder.authrole(auth.authrole());
        }
        if (auth.method() != WampProperties.AuthMethod.ANONYMOUS) {
            builder.authenticators(authenticator(auth));
        }
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean
    WampClientLifecycle wampClientLifecycle(WampClient wampClient) {
        return new WampClientLifecycle(wampClient);
    }

    @Bean
    @ConditionalOnMissingBean
    WampValues wampValues(ObjectProvider<JsonMapper> jsonMapper) {
        return new WampValues(jsonMapper.getIfAvailable(() -> JsonMapper.builder().build()));
    }

    @Bean
    @ConditionalOnMissingBean
    WampMetricsRecorder wampMetricsRecorder() {
        return WampMetricsRecorder.NONE;
    }

    @Bean
    @ConditionalOnMissingBean
    WampEndpointRegistry wampEndpointRegistry(WampClient wampClient, WampMetricsRecorder wampMetricsRecorder) {
        return new WampEndpointRegistry(wampClient, wampMetricsRecorder);
    }

    @Bean
    @ConditionalOnMissingBean
    static WampAnnotationBeanPostProcessor wampAnnotationBeanPostProcessor(
            ObjectProvider<WampEndpointRegistry> registry, ObjectProvider<WampValues> values) {
        return new WampAnnotationBeanPostProcessor(registry, values);
    }

    @Bean
    @ConditionalOnMissingBean
    WampTemplate wampTemplate(WampClient wampClient, WampValues wampValues, WampProperties properties,
                              WampMetricsRecorder wampMetricsRecorder) {
        return new WampTemplate(wampClient, wampValues, properties.callTimeout(), wampMetricsRecorder);
    }

    static ReconnectPolicy reconnectPolicy(WampProperties.Reconnect reconnect) {
        if (!reconnect.enabled()) {
            return ReconnectPolicy.NEVER;
        }
        return new ReconnectPolicy(reconnect.initialDelay(), reconnect.maxDelay(), reconnect.multiplier(),
                reconnect.jitter(), reconnect.maxAttempts() < 0 ? Integer.MAX_VALUE : reconnect.maxAttempts());
    }

    private static Authenticator authenticator(WampProperties.Auth auth) {
        String secret = auth.secret();
        if (secret == null) {
            throw new IllegalStateException("switchboard.wamp.auth.secret is required for " + auth.method());
        }
        return switch (auth.method()) {
            case TICKET -> Authenticator.ticket(secret);
            case WAMPCRA -> Authenticator.wampcra(secret);
            case CRYPTOSIGN -> Authenticator.cryptosign(secret);
            case ANONYMOUS -> Authenticator.anonymous();
        };
    }
}

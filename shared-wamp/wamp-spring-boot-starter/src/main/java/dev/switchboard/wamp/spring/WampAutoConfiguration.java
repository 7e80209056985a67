package dev.switchboard.wamp.spring;

import dev.switchboard.wamp.client.Authenticator;
import dev.switchboard.wamp.client.ReconnectPolicy;
import dev.switchboard.wamp.client.WampClient;
import dev.switchboard.wamp.spring.endpoint.WampAnnotationBeanPostProcessor;
import dev.switchboard.wamp.spring.endpoint.WampEndpointRegistry;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application's WAMP client ({@code switchboard.wamp.*}), connected while the context runs, with the endpoints of
 * its {@code @WampProcedure} and {@code @WampSubscriber} methods and a {@link WampTemplate}. Every bean gives way to
 * one of the application's own. {@code switchboard.wamp.enabled=false} configures nothing.
 */
@AutoConfiguration(afterName = {"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration"})
@ConditionalOnBooleanProperty(name = "switchboard.wamp.enabled", matchIfMissing = true)
@EnableConfigurationProperties(WampProperties.class)
public final class WampAutoConfiguration {

    private static final String ANONYMOUS = "anonymous";

    /**
     * The authenticator of {@code switchboard.wamp.auth.method} with {@code switchboard.wamp.auth.secret}, for the
     * auto-configured client only: an application with a {@code WampClient} bean of its own needs neither (and is not
     * failed for a missing secret). An application may declare its own authenticator beans instead; they are offered
     * in their order. (A member class, so that its condition is judged before this class's own client is defined.)
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(WampClient.class)
    static final class AuthenticatorConfiguration {

        @Bean
        @ConditionalOnMissingBean
        Authenticator wampAuthenticator(WampProperties properties) {
            return authenticator(properties.auth());
        }
    }

    /**
     * The client, with the authenticators (the one of {@code switchboard.wamp.auth.*}, unless the application declares
     * its own), the SSL bundle of {@code switchboard.wamp.ssl.bundle}, and the metrics recorder observing every call.
     */
    @Bean
    @ConditionalOnMissingBean
    WampClient wampClient(WampProperties properties, ObjectProvider<Authenticator> authenticators,
                          ObjectProvider<SslBundles> sslBundles, WampMetricsRecorder wampMetricsRecorder) {
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
        List<Authenticator> offered = authenticators.orderedStream()
                .filter(authenticator -> !ANONYMOUS.equals(authenticator.authMethod())).toList();
        if (!offered.isEmpty()) {
            builder.authenticators(offered.toArray(Authenticator[]::new));
        }
        String bundle = properties.ssl().bundle();
        if (bundle != null) {
            SslBundles bundles = sslBundles.getIfAvailable();
            if (bundles == null) {
                throw new IllegalStateException("switchboard.wamp.ssl.bundle=" + bundle
                        + " needs Spring Boot's SSL bundles (spring.ssl.bundle.*), which are not configured");
            }
            builder.sslContext(bundles.getBundle(bundle).createSslContext());
        }
        if (wampMetricsRecorder != WampMetricsRecorder.NONE) {
            builder.callObserver((procedure, nanos, failure) -> wampMetricsRecorder.callCompleted(procedure, nanos,
                    failure == null ? null : WampMetricsRecorder.errorOf(failure)));
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
    WampTemplate wampTemplate(WampClient wampClient, WampValues wampValues, WampProperties properties) {
        return new WampTemplate(wampClient, wampValues, properties.callTimeout());
    }

    static ReconnectPolicy reconnectPolicy(WampProperties.Reconnect reconnect) {
        if (!reconnect.enabled()) {
            return ReconnectPolicy.NEVER;
        }
        return new ReconnectPolicy(reconnect.initialDelay(), reconnect.maxDelay(), reconnect.multiplier(),
                reconnect.jitter(), reconnect.maxAttempts() < 0 ? Integer.MAX_VALUE : reconnect.maxAttempts());
    }

    private static Authenticator authenticator(WampProperties.Auth auth) {
        if (auth.method() == WampProperties.AuthMethod.ANONYMOUS) {
            return Authenticator.anonymous();
        }
        String secret = auth.secret();
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("switchboard.wamp.auth.secret is required for switchboard.wamp.auth.method="
                    + auth.method().name().toLowerCase(Locale.ROOT) + " (the " + switch (auth.method()) {
                        case TICKET -> "ticket";
                        case WAMPCRA -> "WAMP-CRA secret";
                        default -> "hex-encoded Ed25519 private key";
                    } + ")");
        }
        return switch (auth.method()) {
            case TICKET -> Authenticator.ticket(secret);
            case WAMPCRA -> Authenticator.wampcra(secret);
            case CRYPTOSIGN -> Authenticator.cryptosign(secret);
            case ANONYMOUS -> Authenticator.anonymous();
        };
    }
}

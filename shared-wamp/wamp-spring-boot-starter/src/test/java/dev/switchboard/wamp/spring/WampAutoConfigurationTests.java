package dev.switchboard.wamp.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.Match;
import dev.switchboard.wamp.client.WampClient;
import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.message.InvocationPolicy;
import dev.switchboard.wamp.spring.annotation.WampProcedure;
import dev.switchboard.wamp.spring.annotation.WampSubscriber;
import dev.switchboard.wamp.spring.endpoint.WampAnnotationBeanPostProcessor;
import dev.switchboard.wamp.spring.endpoint.WampEndpoint;
import dev.switchboard.wamp.spring.endpoint.WampEndpointRegistry;
import java.net.URI;
import java.time.Duration;
import dev.switchboard.wamp.client.Authenticator;
import dev.switchboard.wamp.message.ChallengeExtra;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class WampAutoConfigurationTests {

    /** A 32-byte Ed25519 seed, hex. */
    private static final String SIGNING_KEY = "4d5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e";

    /** A router nobody listens on, and no retries: the client gives up at once. */
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WampAutoConfiguration.class))
            .withPropertyValues("switchboard.wamp.url=ws://127.0.0.1:1/ws", "switchboard.wamp.reconnect.enabled=false");

    @Test
    void propertiesBindUnderSwitchboardWamp() {
        runner.withPropertyValues("switchboard.wamp.realm=tsp", "switchboard.wamp.serializer=msgpack",
                        "switchboard.wamp.call-timeout=5s", "switchboard.wamp.auth.method=ticket",
                        "switchboard.wamp.auth.authid=compute", "switchboard.wamp.auth.secret=s3cret",
                        "switchboard.wamp.reconnect.initial-delay=50ms", "switchboard.wamp.reconnect.max-attempts=7",
                        "switchboard.wamp.load.topic=tsp.compute.load", "switchboard.wamp.load.meters=a,b")
                .run(context -> {
                    WampProperties properties = context.getBean(WampProperties.class);
                    assertThat(properties.url()).isEqualTo(URI.create("ws://127.0.0.1:1/ws"));
                    assertThat(properties.realm()).isEqualTo("tsp");
                    assertThat(properties.serializer()).isEqualTo(Serialization.MSGPACK);
                    assertThat(properties.callTimeout()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(properties.auth().method()).isEqualTo(WampProperties.AuthMethod.TICKET);
                    assertThat(properties.auth().authid()).isEqualTo("compute");
                    assertThat(properties.auth().secret()).isEqualTo("s3cret");
                    assertThat(properties.reconnect().initialDelay()).isEqualTo(Duration.ofMillis(50));
                    assertThat(properties.reconnect().maxAttempts()).isEqualTo(7);
                    assertThat(properties.load().topic()).isEqualTo("tsp.compute.load");
                    assertThat(properties.load().interval()).isEqualTo(Duration.ofSeconds(1));
                    assertThat(properties.load().kind()).isEqualTo("service");
                    assertThat(properties.load().meters()).containsExactly("a", "b");
                    assertThat(context).hasSingleBean(WampClient.class).hasSingleBean(WampTemplate.class)
                            .hasSingleBean(WampEndpointRegistry.class);
                });
    }

    @Test
    void defaultsApplyWithoutProperties() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(WampAutoConfiguration.class))
                .withPropertyValues("switchboard.wamp.reconnect.enabled=false")
                .run(context -> {
                    WampProperties properties = context.getBean(WampProperties.class);
                    assertThat(properties.url()).isEqualTo(URI.create("ws://localhost:8080/ws"));
                    assertThat(properties.realm()).isEqualTo("realm1");
                    assertThat(properties.serializer()).isEqualTo(Serialization.JSON);
                    assertThat(properties.auth().method()).isEqualTo(WampProperties.AuthMethod.ANONYMOUS);
                    assertThat(properties.reconnect().maxAttempts()).isNegative();
                    assertThat(properties.load().topic()).isNull();
                });
    }

    @Test
    void reconnectSettingsBecomeTheClientsPolicy() {
        var policy = WampAutoConfiguration.reconnectPolicy(new WampProperties.Reconnect(true, Duration.ofMillis(10),
                Duration.ofSeconds(1), 3.0, 0.0, -1));
        assertThat(policy.maxAttempts()).isEqualTo(Integer.MAX_VALUE);
        assertThat(policy.multiplier()).isEqualTo(3.0);
        assertThat(WampAutoConfiguration.reconnectPolicy(new WampProperties.Reconnect(false, Duration.ZERO,
                Duration.ZERO, 1.0, 0.0, -1)).maxAttempts()).isZero();
    }

    @Test
    void usersOwnBeansWin() {
        runner.withUserConfiguration(OwnBeans.class).run(context -> {
            assertThat(context).hasSingleBean(WampClient.class).hasSingleBean(WampTemplate.class);
            assertThat(context.getBean(WampClient.class)).isSameAs(context.getBean(OwnBeans.class).client);
            assertThat(context.getBean(WampTemplate.class)).isSameAs(context.getBean(OwnBeans.class).template);
        });
    }

    @Test
    void nothingStartsWhenDisabled() {
        runner.withPropertyValues("switchboard.wamp.enabled=false").withUserConfiguration(Endpoints.class)
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(WampClient.class).doesNotHaveBean(WampProperties.class)
                        .doesNotHaveBean(WampEndpointRegistry.class)
                        .doesNotHaveBean(WampAnnotationBeanPostProcessor.class));
    }

    @Test
    void annotatedMethodsBecomeEndpointsWithTheirOptions() {
        runner.withPropertyValues("app.topic=com.example.news").withUserConfiguration(Endpoints.class)
                .run(context -> {
                    var endpoints = context.getBean(WampEndpointRegistry.class).endpoints();
                    assertThat(endpoints).hasSize(2);
                    assertThat(endpoints).filteredOn(WampEndpoint.Procedure.class::isInstance)
                            .singleElement().satisfies(endpoint -> {
                                var procedure = (WampEndpoint.Procedure) endpoint;
                                assertThat(procedure.uri()).isEqualTo("com.example.add");
                                assertThat(procedure.options().invoke()).isEqualTo(InvocationPolicy.ROUNDROBIN);
                                assertThat(procedure.options().concurrency()).isEqualTo(4);
                            });
                    assertThat(endpoints).filteredOn(WampEndpoint.Subscriber.class::isInstance)
                            .singleElement().satisfies(endpoint -> {
                                var subscriber = (WampEndpoint.Subscriber) endpoint;
                                assertThat(subscriber.uri()).isEqualTo("com.example.news");
                                assertThat(subscriber.options().match()).isEqualTo(Match.PREFIX);
                            });
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ticket, t1cket", "wampcra, cr4-secret", "cryptosign, " + SIGNING_KEY})
    void authMethodBuildsTheAuthenticatorTheClientOffers(String method, String secret) {
        runner.withPropertyValues("switchboard.wamp.auth.method=" + method, "switchboard.wamp.auth.authid=app",
                        "switchboard.wamp.auth.secret=" + secret)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Authenticator authenticator = context.getBean(Authenticator.class);
                    assertThat(authenticator.authMethod()).isEqualTo(method);
                    ChallengeExtra challenge = method.equals("cryptosign")
                            ? ChallengeExtra.fromWire(Map.of("challenge", "ab".repeat(32)))
                            : ChallengeExtra.fromWire(Map.of("challenge", "{\"nonce\": 1}"));
                    Authenticator expected = switch (method) {
                        case "ticket" -> Authenticator.ticket(secret);
                        case "wampcra" -> Authenticator.wampcra(secret);
                        default -> Authenticator.cryptosign(secret);
                    };
                    assertThat(authenticator.authenticate(challenge).signature())
                            .isEqualTo(expected.authenticate(challenge).signature());
                    assertThat(authenticator.authExtra()).isEqualTo(expected.authExtra());
                });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ticket", "wampcra", "cryptosign"})
    void missingSecretFailsStartupNamingTheProperty(String method) {
        runner.withPropertyValues("switchboard.wamp.auth.method=" + method, "switchboard.wamp.auth.authid=app")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("switchboard.wamp.auth.secret is required for "
                                + "switchboard.wamp.auth.method=" + method));
    }

    @Test
    void applicationWithItsOwnClientNeedsNoSecretForTheAuthMethodItDoesNotUse() {
        runner.withUserConfiguration(OwnBeans.class).withPropertyValues("switchboard.wamp.auth.method=ticket")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(Authenticator.class);
                    assertThat(context.getBean(WampClient.class)).isSameAs(context.getBean(OwnBeans.class).client);
                });
    }

    @Test
    void anonymousOffersNoAuthenticationMethod() {
        runner.run(context -> assertThat(context.getBean(Authenticator.class).authMethod()).isEqualTo("anonymous"));
    }

    @Test
    void blankProcedureUriFailsStartup() {
        runner.withUserConfiguration(BlankUri.class)
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("no WAMP URI on")
                        .hasMessageContaining("nameless"));
    }

    @Test
    void unknownSslBundleFailsStartup() {
        runner.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
                .withPropertyValues("switchboard.wamp.url=wss://127.0.0.1:1/ws", "switchboard.wamp.ssl.bundle=nope")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("nope"));
    }

    @Configuration(proxyBeanMethods = false)
    static class BlankUri {
        @Bean
        Nameless nameless() {
            return new Nameless();
        }
    }

    static class Nameless {
        @WampProcedure("")
        void nameless() {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBeans {
        final WampClient client = WampClient.builder(URI.create("ws://127.0.0.1:1/ws"), "mine").build();
        final WampTemplate template = new WampTemplate(client,
                new WampValues(tools.jackson.databind.json.JsonMapper.builder().build()), Duration.ZERO);

        @Bean
        WampClient myClient() {
            return client;
        }

        @Bean
        WampTemplate myTemplate() {
            return template;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Endpoints {
        @Bean
        Calculator calculator() {
            return new Calculator();
        }
    }

    static class Calculator {
        @WampProcedure(uri = "com.example.add", invoke = InvocationPolicy.ROUNDROBIN, concurrency = 4)
        long add(long a, long b) {
            return a + b;
        }

        @WampSubscriber(topic = "${app.topic}", match = Match.PREFIX)
        void onNews(String headline) {
        }
    }
}

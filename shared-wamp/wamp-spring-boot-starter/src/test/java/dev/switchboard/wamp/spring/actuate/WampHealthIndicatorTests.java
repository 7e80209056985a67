package dev.switchboard.wamp.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.spring.WampAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class WampHealthIndicatorTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WampAutoConfiguration.class, WampHealthAutoConfiguration.class))
            .withPropertyValues("switchboard.wamp.url=ws://127.0.0.1:1/ws", "switchboard.wamp.reconnect.enabled=false");

    @Test
    void routerConnectionIsDownWhileTheClientIsNotEstablished() {
        runner.run(context -> {
            Health health = context.getBean("wampHealthIndicator", WampHealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsKey("state").containsEntry("endpoints", 0);
        });
    }

    @Test
    void indicatorCanBeTurnedOff() {
        runner.withPropertyValues("management.health.wamp.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(WampHealthIndicator.class));
    }

    @Test
    void noIndicatorWhenTheStarterIsDisabled() {
        runner.withPropertyValues("switchboard.wamp.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(WampHealthIndicator.class));
    }
}

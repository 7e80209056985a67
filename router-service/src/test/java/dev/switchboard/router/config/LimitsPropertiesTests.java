package dev.switchboard.router.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** {@code switchboard.router.limits.*}: generous defaults, no negative limits. */
class LimitsPropertiesTests {

    private static RouterProperties.Limits bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("switchboard.router", RouterProperties.class).limits();
    }

    @Test
    void byDefaultTheRateIsFreeAndSessionsMayHaveTenThousandCallsAndSubscriptions() {
        assertThat(bind(Map.of())).isEqualTo(new RouterProperties.Limits(0, 0, 10_000, 10_000));
    }

    @Test
    void applicationYmlSpellsOutTheDefaults() throws Exception {
        var sources = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"));
        RouterProperties configured = new Binder(ConfigurationPropertySources.from(sources))
                .bindOrCreate("switchboard.router", RouterProperties.class);
        assertThat(configured.limits()).isEqualTo(bind(Map.of()));
    }

    @Test
    void limitsAreConfiguredAndNeverNegative() {
        assertThat(bind(Map.of("switchboard.router.limits.messages-per-second", "500",
                "switchboard.router.limits.pending-calls-per-session", "0")))
                .isEqualTo(new RouterProperties.Limits(500, 0, 0, 10_000));
        assertThatThrownBy(() -> bind(Map.of("switchboard.router.limits.subscriptions-per-session", "-1")))
                .hasRootCauseMessage("switchboard.router.limits.* must not be negative");
    }
}

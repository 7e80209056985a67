package dev.switchboard.router.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.router.auth.Action;
import dev.switchboard.router.auth.Authorizer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Roles as configured in {@code switchboard.router.realms[*].roles}, in Crossbar.io's shape. */
class AuthorizersTests {

    private static Authorizer authorizer(Map<String, String> properties) {
        RouterProperties bound = new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("switchboard.router", RouterProperties.class);
        return Authorizers.of(bound.realms().getFirst());
    }

    @Test
    void aRealmWithoutRolesAllowsEverything() {
        Authorizer authorizer = authorizer(Map.of("switchboard.router.realms[0].name", "realm1"));
        assertThat(authorizer.authorize("anyone", Action.REGISTER, "com.example.p").allowed()).isTrue();
    }

    @Test
    void configuredRulesDecideAndTrustedRolesAreKnown() {
        Authorizer authorizer = authorizer(Map.of(
                "switchboard.router.realms[0].name", "suite",
                "switchboard.router.realms[0].roles.dashboard.permissions[0].uri", "tsp.",
                "switchboard.router.realms[0].roles.dashboard.permissions[0].match", "prefix",
                "switchboard.router.realms[0].roles.dashboard.permissions[0].allow.subscribe", "true",
                "switchboard.router.realms[0].roles.service.permissions[0].uri", "tsp.solve",
                "switchboard.router.realms[0].roles.service.permissions[0].allow.call", "true",
                "switchboard.router.realms[0].roles.service.permissions[0].disclose.caller", "true",
                "switchboard.router.realms[0].roles.admin.trusted", "true"));
        assertThat(authorizer.authorize("dashboard", Action.SUBSCRIBE, "tsp.run.best").allowed()).isTrue();
        assertThat(authorizer.authorize("dashboard", Action.PUBLISH, "tsp.run.best").allowed()).isFalse();
        assertThat(authorizer.authorize("service", Action.CALL, "tsp.solve").disclose()).isTrue();
        assertThat(authorizer.authorize("admin", Action.CALL, "tsp.solve").allowed()).isFalse();
        assertThat(authorizer.trusted("admin")).isTrue();
        assertThat(authorizer.trusted("service")).isFalse();
    }

    @Test
    void aRoleWithAnAuthorizerIsDecidedByItAndHasNoRules() {
        RouterProperties bound = new Binder(new MapConfigurationPropertySource(Map.of(
                "switchboard.router.realms[0].name", "suite",
                "switchboard.router.realms[0].roles.frontend.authorizer", "com.example.authorize",
                "switchboard.router.realms[0].roles.frontend.authorizer-timeout", "2s")))
                .bindOrCreate("switchboard.router", RouterProperties.class);
        Authorizer authorizer = Authorizers.of(bound.realms().getFirst(), (procedure, arguments, timeout) -> {
            throw new AssertionError("not called while building");
        });
        assertThat(authorizer.dynamic("frontend")).isNotNull()
                .extracting(dynamic -> dynamic.procedure()).isEqualTo("com.example.authorize");
        assertThat(authorizer.dynamic("backend")).isNull();

        assertThatThrownBy(() -> authorizer(Map.of(
                "switchboard.router.realms[0].name", "suite",
                "switchboard.router.realms[0].roles.frontend.authorizer", "com.example.authorize",
                "switchboard.router.realms[0].roles.frontend.permissions[0].uri", "tsp.solve")))
                .hasRootCauseMessage("a role has either permissions or an authorizer, not both");
    }
}

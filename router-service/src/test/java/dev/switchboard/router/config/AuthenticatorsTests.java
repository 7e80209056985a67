package dev.switchboard.router.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.router.auth.Authenticator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Realm authentication as configured in {@code switchboard.router.realms[*].auth}. */
class AuthenticatorsTests {

    private static RouterProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("switchboard.router", RouterProperties.class);
    }

    private static List<String> methods(RouterProperties properties) {
        return Authenticators.of(properties.realms().getFirst()).stream().map(Authenticator::method).toList();
    }

    @Test
    void withoutAuthConfigurationTheDefaultRealmIsAnonymous() {
        RouterProperties properties = bind(Map.of());
        assertThat(properties.realms()).extracting(RouterProperties.RealmConfig::name).containsExactly("realm1");
        assertThat(methods(properties)).containsExactly("anonymous");
    }

    @Test
    void everyConfiguredMethodIsOfferedAndSecretsMayComeFromFiles(@TempDir Path dir) throws Exception {
        Path ticketFile = Files.writeString(dir.resolve("ticket"), "from-a-file\n");
        RouterProperties properties = bind(Map.of(
                "switchboard.router.realms[0].name", "suite",
                "switchboard.router.realms[0].auth.ticket[service].role", "service",
                "switchboard.router.realms[0].auth.ticket[service].ticket-file", ticketFile.toString(),
                "switchboard.router.realms[0].auth.wampcra[alice].role", "dashboard",
                "switchboard.router.realms[0].auth.wampcra[alice].secret", "s",
                "switchboard.router.realms[0].auth.wampcra[alice].salt", "salt",
                "switchboard.router.realms[0].auth.cryptosign[compute].role", "service",
                "switchboard.router.realms[0].auth.cryptosign[compute].authorized-keys[0]", "00".repeat(32)));
        assertThat(properties.realms().getFirst().auth().wampcra().get("alice").iterations()).isEqualTo(1000);
        assertThat(methods(properties)).containsExactly("ticket", "wampcra", "cryptosign");
    }

    @Test
    void anonymousAccessIsOnlyThereWhenConfigured() {
        RouterProperties properties = bind(Map.of(
                "switchboard.router.realms[0].name", "open",
                "switchboard.router.realms[0].auth.anonymous.role", "guest"));
        assertThat(methods(properties)).containsExactly("anonymous");
    }

    @Test
    void aPrincipalWithoutASecretIsAConfigurationErrorThatNamesItButNoSecret() {
        RouterProperties properties = bind(Map.of(
                "switchboard.router.realms[0].name", "suite",
                "switchboard.router.realms[0].auth.ticket[service].role", "service"));
        assertThatThrownBy(() -> Authenticators.of(properties.realms().getFirst()))
                .hasMessageContaining("service").hasMessageContaining("suite");
    }

    @Test
    void aSecretLeftAsAnUnresolvedPlaceholderIsAConfigurationErrorNotATicket() {
        RouterProperties properties = bind(Map.of(
                "switchboard.router.realms[0].name", "suite",
                "switchboard.router.realms[0].auth.ticket[service].role", "service",
                "switchboard.router.realms[0].auth.ticket[service].ticket", "${SWITCHBOARD_SERVICE_TICKET}"));
        assertThatThrownBy(() -> Authenticators.of(properties.realms().getFirst()))
                .hasMessageContaining("unresolved placeholder").hasMessageContaining("service")
                .hasMessageContaining("suite");
    }

    @Test
    void aDynamicAuthenticatorChecksTicketsWithinFiveSecondsByDefault() {
        RouterProperties properties = bind(Map.of(
                "switchboard.router.realms[0].name", "suite",
                "switchboard.router.realms[0].auth.dynamic.authenticator", "com.example.authenticate"));
        RouterProperties.Dynamic dynamic = properties.realms().getFirst().auth().dynamic();
        assertThat(dynamic.methods()).containsExactly("ticket");
        assertThat(dynamic.timeout()).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(dynamic.realm()).isNull();
        assertThat(Authenticators.of(properties.realms().getFirst(), realm -> (procedure, arguments, timeout) -> {
            throw new AssertionError("not called while building");
        })).extracting(Authenticator::method).containsExactly("ticket");
    }

    @Test
    void ticketIsEitherStaticOrDynamicAndOnlyTicketIsDynamic() {
        assertThatThrownBy(() -> bind(Map.of(
                "switchboard.router.realms[0].name", "suite",
                "switchboard.router.realms[0].auth.dynamic.authenticator", "com.example.authenticate",
                "switchboard.router.realms[0].auth.ticket[service].role", "service",
                "switchboard.router.realms[0].auth.ticket[service].ticket", "t")))
                .hasRootCauseMessage("ticket is either static (auth.ticket) or dynamic (auth.dynamic)");
        assertThatThrownBy(() -> bind(Map.of(
                "switchboard.router.realms[0].name", "suite",
                "switchboard.router.realms[0].auth.dynamic.authenticator", "com.example.authenticate",
                "switchboard.router.realms[0].auth.dynamic.methods[0]", "wampcra")))
                .hasRootCauseMessage("a dynamic authenticator checks ticket only, not wampcra");
    }
}

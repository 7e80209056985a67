package dev.switchboard.router.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.Match;
import dev.switchboard.wamp.matching.UriPattern;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The authorization matrix: every action under every match kind, allowed and denied, with disclosure. */
class RoleAuthorizerTests {

    private static Permission rule(String uri, Match match, Set<Action> allow, boolean discloseCaller,
                                   boolean disclosePublisher) {
        return new Permission(new UriPattern(uri, match), allow, discloseCaller, disclosePublisher);
    }

    private final RoleAuthorizer authorizer = new RoleAuthorizer(Map.of(
            "service", List.of(
                    rule("tsp", Match.PREFIX, EnumSet.allOf(Action.class), true, true),
                    rule("tsp.admin", Match.PREFIX, Set.of(), false, false),
                    rule("tsp.solve", Match.EXACT, EnumSet.of(Action.CALL), false, false)),
            "dashboard", List.of(
                    rule("tsp.run.", Match.PREFIX, EnumSet.of(Action.SUBSCRIBE), false, false),
                    rule("tsp.solve", Match.EXACT, EnumSet.of(Action.CALL), false, false),
                    rule("tsp..anneal", Match.WILDCARD, EnumSet.of(Action.REGISTER), false, false))),
            Set.of("admin"));

    @ParameterizedTest(name = "{0} may {1} {2}: {3}")
    @CsvSource({
            // exact rules
            "dashboard, CALL, tsp.solve, true",
            "dashboard, PUBLISH, tsp.solve, false",
            // prefix rules
            "dashboard, SUBSCRIBE, tsp.run.progress, true",
            "dashboard, CALL, tsp.stop, false",
            "service, REGISTER, tsp.compute.anneal, true",
            "service, PUBLISH, tsp.run.best, true",
            // a longer prefix wins over a shorter one, an exact rule over both
            "service, CALL, tsp.admin.reset, false",
            "service, REGISTER, tsp.solve, false",
            // wildcard rules, which only apply where no exact or prefix rule matches
            "dashboard, REGISTER, tsp.compute.anneal, true",
            "dashboard, REGISTER, tsp.compute.other, false",
            "service, REGISTER, tsp.x.anneal, true",
            // no rule, unknown role
            "dashboard, SUBSCRIBE, com.example.t, false",
            "guest, SUBSCRIBE, tsp.run.progress, false"})
    void theBestMatchingRuleOfTheRoleDecides(String role, Action action, String uri, boolean allowed) {
        assertThat(authorizer.authorize(role, action, uri).allowed()).isEqualTo(allowed);
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void disclosureIsForcedOnlyForCallsAndPublicationsUnderARuleThatSaysSo(Action action) {
        boolean expected = action == Action.CALL || action == Action.PUBLISH;
        assertThat(authorizer.authorize("service", action, "tsp.run.best").disclose()).isEqualTo(expected);
        assertThat(authorizer.authorize("dashboard", action, "tsp.solve").disclose()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"admin, true", "service, false", "nobody, false"})
    void onlyTrustedRolesMayUseAdministrativeProcedures(String role, boolean trusted) {
        assertThat(authorizer.trusted(role)).isEqualTo(trusted);
        assertThat(Authorizer.PERMIT_ALL.trusted(role)).isTrue();
    }
}

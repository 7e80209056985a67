package dev.switchboard.router.meta;

import static dev.switchboard.router.meta.MetaFixture.kwargs;
import static dev.switchboard.router.meta.MetaFixture.listOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.router.routing.RecordingPeer;
import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.Match;
import dev.switchboard.wamp.message.InvocationPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistrationProceduresTests {

    private final MetaFixture fixture = new MetaFixture();
    private final RecordingPeer caller = fixture.join("caller");
    private final RecordingPeer callee = fixture.join("callee");

    @Test
    void listGroupsTheRegistrationsByMatchPolicyWithoutTheMetaProcedures() {
        long exact = fixture.register(callee, "com.example.add");
        long prefix = fixture.register(callee, "com.example.math", Match.PREFIX, InvocationPolicy.SINGLE);
        long wildcard = fixture.register(callee, "com..get", Match.WILDCARD, InvocationPolicy.SINGLE);

        assertThat(fixture.call(caller, "wamp.registration.list")).containsExactly(Map.of(
                "exact", List.of(exact), "prefix", List.of(prefix), "wildcard", List.of(wildcard)));
    }

    @Test
    void lookupFindsTheRegistrationOfExactlyThatPatternOrReturnsNull() {
        long exact = fixture.register(callee, "com.example.add");
        long prefix = fixture.register(callee, "com.example", Match.PREFIX, InvocationPolicy.SINGLE);

        assertThat(fixture.call(caller, "wamp.registration.lookup", "com.example.add")).containsExactly(exact);
        assertThat(fixture.call(caller, "wamp.registration.lookup", "com.example", Map.of("match", "prefix")))
                .containsExactly(prefix);
        assertThat(fixture.call(caller, "wamp.registration.lookup", "com.example")).containsExactly((Object) null);
        assertThat(fixture.call(caller, "wamp.registration.lookup", "com.example.sub")).containsExactly((Object) null);
        assertThat(fixture.fails(caller, "wamp.registration.lookup", "com.example", Map.of("match", "fuzzy"))
                .error()).isEqualTo(ErrorUris.INVALID_ARGUMENT);
    }

    @Test
    void matchReturnsTheRegistrationACallWouldReachOrNull() {
        long exact = fixture.register(callee, "com.example.add");
        long prefix = fixture.register(callee, "com.example", Match.PREFIX, InvocationPolicy.SINGLE);

        assertThat(fixture.call(caller, "wamp.registration.match", "com.example.add")).containsExactly(exact);
        assertThat(fixture.call(caller, "wamp.registration.match", "com.example.sub")).containsExactly(prefix);
        assertThat(fixture.call(caller, "wamp.registration.match", "org.other")).containsExactly((Object) null);
    }

    @Test
    void getDescribesTheRegistration() {
        Instant before = Instant.now();
        long id = fixture.register(callee, "com.example", Match.PREFIX, InvocationPolicy.ROUNDROBIN);

        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) fixture.call(caller, "wamp.registration.get", id)
                .getFirst();
        assertThat(details).containsOnlyKeys("id", "created", "uri", "match", "invoke")
                .containsEntry("id", id)
                .containsEntry("uri", "com.example")
                .containsEntry("match", "prefix")
                .containsEntry("invoke", "roundrobin");
        assertThat(Instant.parse((String) details.get("created"))).isBetween(before, Instant.now());
    }

    @Test
    void listAndCountCalleesOfASharedRegistration() {
        RecordingPeer second = fixture.join("second");
        long id = fixture.register(callee, "com.example.work", Match.EXACT, InvocationPolicy.ROUNDROBIN);
        fixture.register(second, "com.example.work", Match.EXACT, InvocationPolicy.ROUNDROBIN);

        assertThat(fixture.call(caller, "wamp.registration.list_callees", id))
                .containsExactly(List.of(callee.sessionId(), second.sessionId()));
        assertThat(fixture.call(caller, "wamp.registration.count_callees", id)).containsExactly(2L);
    }

    @Test
    void anUnknownRegistrationFailsWithNoSuchRegistration() {
        for (String procedure : List.of("wamp.registration.get", "wamp.registration.list_callees",
                "wamp.registration.count_callees")) {
            assertThat(fixture.fails(caller, procedure, 424242L).error()).as(procedure)
                    .isEqualTo(ErrorUris.NO_SUCH_REGISTRATION);
        }
        assertThat(fixture.failsWith(caller, "wamp.registration.get", kwargs(listOf(), Map.of("registration", "x")))
                .error()).isEqualTo(ErrorUris.INVALID_ARGUMENT);
    }

    @Test
    void theMetaProceduresThemselvesAreNotDescribed() {
        long internal = fixture.realm.dealer().match("wamp.session.count").id();

        assertThat(fixture.call(caller, "wamp.registration.list")).containsExactly(Map.of(
                "exact", List.of(), "prefix", List.of(), "wildcard", List.of()));
        assertThat(fixture.call(caller, "wamp.registration.match", "wamp.session.count"))
                .containsExactly((Object) null);
        assertThat(fixture.call(caller, "wamp.registration.lookup", "wamp.session.count"))
                .containsExactly((Object) null);
        assertThat(fixture.fails(caller, "wamp.registration.get", internal).error())
                .isEqualTo(ErrorUris.NO_SUCH_REGISTRATION);
        assertThat(fixture.fails(caller, "wamp.registration.list_callees", internal).error())
                .isEqualTo(ErrorUris.NO_SUCH_REGISTRATION);
    }
}

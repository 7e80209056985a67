package dev.switchboard.router.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.router.dealer.Dealer;
import dev.switchboard.router.dealer.DealerSettings;
import dev.switchboard.router.dealer.RegistrationListener;
import dev.switchboard.router.routing.ManualLoop;
import dev.switchboard.router.routing.RecordingPeer;
import dev.switchboard.wamp.Match;
import dev.switchboard.wamp.message.Call;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.Error;
import dev.switchboard.wamp.message.Invocation;
import dev.switchboard.wamp.message.InvocationPolicy;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Register;
import dev.switchboard.wamp.message.RegisterOptions;
import dev.switchboard.wamp.message.Registered;
import dev.switchboard.wamp.message.Unregister;
import dev.switchboard.wamp.message.Yield;
import dev.switchboard.wamp.message.YieldOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class CallMetricsTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ManualLoop loop = new ManualLoop();
    private final Dealer dealer = new Dealer(loop, DealerSettings.DEFAULTS, RegistrationListener.NONE,
            new CallMetrics(registry, "realm1"), Clock.systemUTC());

    private double calls(String procedure, String outcome) {
        var counter = registry.find("wamp.calls").tags("realm", "realm1", "procedure", procedure, "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void callsAreCountedByRegistrationPatternAndOutcomeWithTheirDuration() {
        RecordingPeer callee = RecordingPeer.client("callee");
        RecordingPeer caller = RecordingPeer.client("caller");
        dealer.register(callee.peer(), new Register(1, RegisterOptions.DEFAULT, "com.example.add"));
        dealer.call(caller.peer(), new Call(2, CallOptions.DEFAULT, "com.example.add", Payload.EMPTY), false);
        callee.received().clear();
        dealer.call(caller.peer(), new Call(3, new CallOptions(10L, false, false, false, java.util.Map.of()),
                "com.example.add", Payload.EMPTY), false);
        dealer.call(caller.peer(), new Call(4, CallOptions.DEFAULT, "com.example.nothing", Payload.EMPTY), false);
        loop.advance(Duration.ofMillis(20));

        assertThat(calls("com.example.add", "wamp.error.timeout")).isEqualTo(1);
        assertThat(calls(CallMetrics.NO_REGISTRATION, "wamp.error.no_such_procedure")).isEqualTo(1);
        assertThat(registry.find("wamp.call.duration").tag("procedure", "com.example.add").timer().count())
                .isEqualTo(1);
    }

    @Test
    void aResultIsCountedAsResult() {
        RecordingPeer callee = RecordingPeer.client("callee");
        RecordingPeer caller = RecordingPeer.client("caller");
        dealer.register(callee.peer(), new Register(1, RegisterOptions.DEFAULT, "com.example.add"));
        callee.received().clear();
        dealer.call(caller.peer(), new Call(2, CallOptions.DEFAULT, "com.example.add", Payload.EMPTY), false);
        Invocation invocation = callee.take(Invocation.class);
        dealer.yield(callee.peer(), new Yield(invocation.requestId(), YieldOptions.DEFAULT, Payload.of(3L)));
        assertThat(calls("com.example.add", "result")).isEqualTo(1);
    }

    private double pending(String procedure) {
        var gauge = registry.find("wamp.calls.pending").tags("realm", "realm1", "procedure", procedure).gauge();
        return gauge == null ? 0 : gauge.value();
    }

    @Test
    void pendingCallsAreThoseAcceptedAndNotYetAnsweredHoweverTheyEnd() {
        RecordingPeer callee = RecordingPeer.client("callee");
        RecordingPeer caller = RecordingPeer.client("caller");
        RecordingPeer leaving = RecordingPeer.client("leaving");
        dealer.register(callee.peer(), new Register(1, RegisterOptions.DEFAULT, "com.example.slow"));
        callee.received().clear();
        dealer.call(caller.peer(), new Call(2, CallOptions.DEFAULT, "com.example.slow", Payload.EMPTY), false);
        dealer.call(caller.peer(), new Call(3, CallOptions.DEFAULT, "com.example.slow", Payload.EMPTY), false);
        dealer.call(leaving.peer(), new Call(4, CallOptions.DEFAULT, "com.example.slow", Payload.EMPTY), false);
        dealer.call(caller.peer(), new Call(5, CallOptions.DEFAULT, "com.example.none", Payload.EMPTY), false);
        assertThat(pending("com.example.slow")).as("three accepted, none answered").isEqualTo(3);

        Invocation first = callee.take(Invocation.class);
        dealer.yield(callee.peer(), new Yield(first.requestId(), YieldOptions.DEFAULT, Payload.of(1L)));
        assertThat(pending("com.example.slow")).as("one answered").isEqualTo(2);
        dealer.leave(leaving.peer().sessionId());
        assertThat(pending("com.example.slow")).as("its caller left").isEqualTo(1);
        dealer.leave(callee.peer().sessionId());
        assertThat(pending("com.example.slow")).as("the callee left: canceled").isZero();
        assertThat(pending(CallMetrics.NO_REGISTRATION)).as("refused calls are never pending").isZero();
    }

    private long requests = 100;

    /** The procedure tags of every call meter in the registry. */
    private Set<String> taggedProcedures() {
        return registry.getMeters().stream().filter(meter -> meter.getId().getName().startsWith("wamp.call"))
                .map(meter -> meter.getId().getTag("procedure")).collect(Collectors.toSet());
    }

    /** A call answered with a result, or with {@code error} if it is given. */
    private void callAndAnswer(RecordingPeer caller, RecordingPeer callee, String procedure,
                               @Nullable String error) {
        dealer.call(caller.peer(), new Call(++requests, CallOptions.DEFAULT, procedure,
                Payload.EMPTY), false);
        Invocation invocation = callee.take(Invocation.class);
        if (error == null) {
            dealer.yield(callee.peer(), new Yield(invocation.requestId(), YieldOptions.DEFAULT, Payload.EMPTY));
        } else {
            dealer.error(callee.peer(), new Error(Invocation.TYPE, invocation.requestId(), Map.of(), error,
                    Payload.EMPTY));
        }
    }

    @Test
    void theMetersOfAProcedureGoWhenItsLastRegistrationIsDeleted() {
        RecordingPeer caller = RecordingPeer.client("caller");
        for (int i = 0; i < 50; i++) {
            RecordingPeer callee = RecordingPeer.client("callee" + i);
            String procedure = "com.example.random" + i;
            dealer.register(callee.peer(), new Register(1, RegisterOptions.DEFAULT, procedure));
            long registration = callee.take(Registered.class).registrationId();
            callAndAnswer(caller, callee, procedure, null);
            callAndAnswer(caller, callee, procedure, "com.example.error.oops");
            assertThat(calls(procedure, "result")).isEqualTo(1);
            if (i % 2 == 0) {
                dealer.unregister(callee.peer(), new Unregister(2, registration));
            } else {
                dealer.leave(callee.sessionId());
            }
        }
        assertThat(taggedProcedures()).isEmpty();

        RecordingPeer callee = RecordingPeer.client("again");
        dealer.register(callee.peer(), new Register(1, RegisterOptions.DEFAULT, "com.example.random7"));
        callee.take(Registered.class);
        callAndAnswer(caller, callee, "com.example.random7", null);
        assertThat(calls("com.example.random7", "result")).as("counted afresh for the new registration")
                .isEqualTo(1);
    }

    @Test
    void registrationsOfTheSameUriShareMetersThatStayWhileEitherLives() {
        RecordingPeer exact = RecordingPeer.client("exact");
        RecordingPeer prefix = RecordingPeer.client("prefix");
        RecordingPeer caller = RecordingPeer.client("caller");
        dealer.register(exact.peer(), new Register(1, RegisterOptions.DEFAULT, "com.example.p"));
        exact.take(Registered.class);
        dealer.register(prefix.peer(), new Register(1, new RegisterOptions(Match.PREFIX, InvocationPolicy.SINGLE,
                null, false, false, Map.of()), "com.example.p"));
        prefix.take(Registered.class);
        callAndAnswer(caller, exact, "com.example.p", null);
        callAndAnswer(caller, prefix, "com.example.p.q", null);
        assertThat(calls("com.example.p", "result")).isEqualTo(2);

        dealer.leave(exact.sessionId());
        callAndAnswer(caller, prefix, "com.example.p.q", null);
        assertThat(calls("com.example.p", "result")).isEqualTo(3);
        assertThat(registry.find("wamp.call.duration").tag("procedure", "com.example.p").timer().count())
                .isEqualTo(3);

        dealer.leave(prefix.sessionId());
        assertThat(taggedProcedures()).isEmpty();
    }

    @Test
    void errorUrisTheRouterDoesNotKnowAreCountedAsOneApplicationErrorOutcome() {
        RecordingPeer callee = RecordingPeer.client("callee");
        RecordingPeer caller = RecordingPeer.client("caller");
        dealer.register(callee.peer(), new Register(1, RegisterOptions.DEFAULT, "com.example.p"));
        callee.take(Registered.class);
        for (int i = 0; i < 20; i++) {
            callAndAnswer(caller, callee, "com.example.p", "com.example.error.random" + i);
        }
        callAndAnswer(caller, callee, "com.example.p", "wamp.error.made_up_by_the_callee");
        callAndAnswer(caller, callee, "com.example.p", "wamp.error.canceled");
        callAndAnswer(caller, callee, "com.example.p", "wamp.error.invalid_argument");

        assertThat(registry.find("wamp.calls").tag("procedure", "com.example.p").counters())
                .extracting(counter -> counter.getId().getTag("outcome"))
                .containsExactlyInAnyOrder(CallMetrics.APPLICATION_ERROR, "wamp.error.canceled",
                        "wamp.error.invalid_argument");
        assertThat(calls("com.example.p", CallMetrics.APPLICATION_ERROR)).isEqualTo(21);
        assertThat(caller.received()).filteredOn(Error.class::isInstance).extracting(m -> ((Error) m).error())
                .as("the caller still gets the callee's own URIs").contains("com.example.error.random19")
                .hasSize(23);
    }
}

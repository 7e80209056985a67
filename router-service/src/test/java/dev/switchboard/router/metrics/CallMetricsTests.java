package dev.switchboard.router.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.router.dealer.Dealer;
import dev.switchboard.router.dealer.DealerSettings;
import dev.switchboard.router.dealer.RegistrationListener;
import dev.switchboard.router.routing.ManualLoop;
import dev.switchboard.router.routing.RecordingPeer;
import dev.switchboard.wamp.message.Call;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.Invocation;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Register;
import dev.switchboard.wamp.message.RegisterOptions;
import dev.switchboard.wamp.message.Yield;
import dev.switchboard.wamp.message.YieldOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
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
}

package dev.switchboard.router.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.message.Call;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.Event;
import dev.switchboard.wamp.message.EventDetails;
import dev.switchboard.wamp.message.Invocation;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.RegisterOptions;
import dev.switchboard.wamp.message.SubscribeOptions;
import dev.switchboard.wamp.message.Welcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.test.context.TestPropertySource;

/**
 * A client that hangs (stops answering pings) is dropped with everything it had: its registrations go, the calls it
 * was running are canceled, and the realm hears it leave. Pings every 250 ms, 1.5 s for the pong: every other client
 * here answers them and stays.
 */
@TestPropertySource(properties = {
        "switchboard.router.transport.ping-interval=250ms",
        "switchboard.router.transport.ping-timeout=1500ms"})
class LivenessContractTests extends RunningRouter {

    private static final Serialization SERIALIZATION = Serialization.JSON;

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aCalleeThatStopsAnsweringPingsLosesItsRegistrationAndItsCallersAreCanceled(Transport transport) {
        TestClient observer = join(transport, SERIALIZATION);
        long onLeave = observer.subscribe("wamp.session.on_leave", SubscribeOptions.DEFAULT);
        TestClient callee = connect(transport, SERIALIZATION);
        Welcome calleeSession = callee.join();
        TestClient caller = join(transport, SERIALIZATION);
        String procedure = unique("liveness.hanging");
        callee.register(procedure, RegisterOptions.DEFAULT);
        long pending = caller.nextRequestId();
        caller.send(new Call(pending, CallOptions.DEFAULT, procedure, Payload.EMPTY));
        callee.expect(Invocation.class);

        callee.stopAnsweringPings();

        caller.expectRouterError(Call.TYPE, pending, ErrorUris.CANCELED);
        Event left = observer.expect(Event.class);
        assertThat(left).isEqualTo(new Event(onLeave, left.publicationId(), EventDetails.DEFAULT,
                Payload.of(calleeSession.sessionId(), calleeSession.details().authid(),
                        calleeSession.details().authrole())));
        long after = caller.nextRequestId();
        caller.send(new Call(after, CallOptions.DEFAULT, procedure, Payload.EMPTY));
        caller.expectRouterError(Call.TYPE, after, ErrorUris.NO_SUCH_PROCEDURE);
        assertThat(callee.awaitEnd().messages()).as("dropped without a word").isEmpty();
    }
}

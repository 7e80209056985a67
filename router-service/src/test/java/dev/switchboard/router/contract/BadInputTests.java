package dev.switchboard.router.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.message.Abort;
import dev.switchboard.wamp.message.Call;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.CloseDetails;
import dev.switchboard.wamp.message.Event;
import dev.switchboard.wamp.message.EventDetails;
import dev.switchboard.wamp.message.Invocation;
import dev.switchboard.wamp.message.InvocationDetails;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Publish;
import dev.switchboard.wamp.message.PublishOptions;
import dev.switchboard.wamp.message.Published;
import dev.switchboard.wamp.message.RegisterOptions;
import dev.switchboard.wamp.message.Result;
import dev.switchboard.wamp.message.ResultDetails;
import dev.switchboard.wamp.message.Roles;
import dev.switchboard.wamp.message.SubscribeOptions;
import dev.switchboard.wamp.message.WampMessage;
import dev.switchboard.wamp.message.Welcome;
import dev.switchboard.wamp.message.WelcomeDetails;
import dev.switchboard.wamp.message.Yield;
import dev.switchboard.wamp.message.YieldOptions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the running router does with input a WAMP client must never send, over one transport per subclass: the
 * offending session is aborted with {@code wamp.error.protocol_violation} and its connection closed (or, below the
 * WAMP layer, just closed), while two sessions established before it go on working.
 */
abstract class BadInputTests extends RunningRouter {

    /** WebSocket close codes the router uses. */
    static final int NORMAL = 1000;
    static final int PROTOCOL_ERROR = 1002;
    static final int TOO_BIG = 1009;

    final Transport transport;

    BadInputTests(Transport transport) {
        this.transport = transport;
    }

    @ParameterizedTest
    @EnumSource(Serialization.class)
    void aFrameThatDoesNotDecodeIsAProtocolViolation(Serialization serialization) {
        Bystanders bystanders = new Bystanders(serialization);
        TestClient offender = join(transport, serialization);
        byte[] valid = offender.codec.encode(new Publish(1, PublishOptions.DEFAULT, "contract.topic",
                Payload.of("some", "arguments")));

        offender.sendFrame(Arrays.copyOf(valid, valid.length - 3));

        assertAbortedAndClosed(offender, "malformed", PROTOCOL_ERROR);
        bystanders.stillWork();
    }

    @ParameterizedTest
    @EnumSource(Serialization.class)
    void aFrameThatIsNotAnArrayIsAProtocolViolation(Serialization serialization) {
        Bystanders bystanders = new Bystanders(serialization);
        TestClient offender = join(transport, serialization);

        byte[] dict = serialization.serializer().write(List.of(Map.of("type", 48L)));
        offender.sendFrame(Arrays.copyOfRange(dict, 1, dict.length)); // the dict without the array around it

        assertAbortedAndClosed(offender, "not an array", PROTOCOL_ERROR);
        bystanders.stillWork();
    }

    @ParameterizedTest
    @EnumSource(Serialization.class)
    void aMessageOfAnUnknownTypeIsAProtocolViolation(Serialization serialization) {
        Bystanders bystanders = new Bystanders(serialization);
        TestClient offender = join(transport, serialization);

        offender.sendValues(99L, 1L, Map.of());

        assertAbortedAndClosed(offender, "unknown WAMP message type 99", PROTOCOL_ERROR);
        bystanders.stillWork();
    }

    @ParameterizedTest
    @EnumSource(Serialization.class)
    void aMessageBeforeHelloIsAProtocolViolation(Serialization serialization) {
        Bystanders bystanders = new Bystanders(serialization);
        TestClient offender = connect(transport, serialization);

        offender.send(new Publish(1, PublishOptions.DEFAULT, "contract.topic", Payload.EMPTY));

        assertAbortedAndClosed(offender, "expected HELLO, got PUBLISH", NORMAL);
        bystanders.stillWork();
    }

    @ParameterizedTest
    @EnumSource(Serialization.class)
    void aSecondHelloIsAProtocolViolationAndTheSessionLeavesWithItsRegistrations(Serialization serialization) {
        Bystanders bystanders = new Bystanders(serialization);
        TestClient offender = join(transport, serialization);
        String procedure = unique("contract.offender");
        offender.register(procedure, RegisterOptions.DEFAULT);

        offender.send(TestClient.hello(TestClient.REALM));

        assertAbortedAndClosed(offender, "HELLO is not a message a client sends in a session", NORMAL);
        bystanders.stillWork();
        long request = bystanders.client.nextRequestId();
        bystanders.client.send(new Call(request, CallOptions.DEFAULT, procedure, Payload.EMPTY));
        bystanders.client.expectRouterError(Call.TYPE, request, ErrorUris.NO_SUCH_PROCEDURE);
    }

    @ParameterizedTest
    @EnumSource(Serialization.class)
    void aMessageOnlyTheRouterSendsIsAProtocolViolation(Serialization serialization) {
        Bystanders bystanders = new Bystanders(serialization);
        TestClient offender = join(transport, serialization);

        offender.send(new Welcome(offender.sessionId(), new WelcomeDetails(
                Roles.of(Map.of(Roles.DEALER, Set.of())), null, null, null, null, Map.of(), null, Map.of())));

        assertAbortedAndClosed(offender, "WELCOME is not a message a client sends in a session", NORMAL);
        bystanders.stillWork();
    }

    static Stream<Arguments> wrongShapes() {
        List<List<Object>> shapes = List.of(
                List.<Object>of(Call.TYPE, 1L, Map.of()),                                     // no procedure
                List.<Object>of(Call.TYPE, 1L, Map.of(), "a.b", List.of(), Map.of(), "extra"), // one too many
                List.<Object>of(Call.TYPE, 1L, "options", "a.b"),                             // a string for a dict
                List.<Object>of(Call.TYPE, 1L, Map.of(), "a.b", Map.of()),                    // a dict for the list
                List.<Object>of(Publish.TYPE),                                                // only the type
                List.of());                                                                   // nothing at all
        return Arrays.stream(Serialization.values())
                .flatMap(serialization -> shapes.stream().map(shape -> Arguments.of(serialization, shape)));
    }

    @ParameterizedTest
    @MethodSource("wrongShapes")
    void aMessageOfTheWrongShapeIsAProtocolViolation(Serialization serialization, List<Object> shape) {
        Bystanders bystanders = new Bystanders(serialization);
        TestClient offender = join(transport, serialization);

        offender.sendValues(shape.toArray());

        assertAbortedAndClosed(offender, "", PROTOCOL_ERROR);
        bystanders.stillWork();
    }

    static Stream<Arguments> badIds() {
        List<Object> ids = Arrays.asList(0L, -1L, (1L << 53) + 1, Long.MAX_VALUE, 1.5, "7", null, List.of(7L));
        return Arrays.stream(Serialization.values())
                .flatMap(serialization -> ids.stream().map(id -> Arguments.of(serialization, id)));
    }

    @ParameterizedTest
    @MethodSource("badIds")
    void aRequestIdOutsideOneTo2Pow53IsAProtocolViolation(Serialization serialization, Object id) {
        Bystanders bystanders = new Bystanders(serialization);
        TestClient offender = join(transport, serialization);

        offender.sendValues(Call.TYPE, id, Map.of(), "contract.procedure");

        assertAbortedAndClosed(offender, "CALL.Request must be an id", PROTOCOL_ERROR);
        bystanders.stillWork();
    }

    @ParameterizedTest
    @EnumSource(Serialization.class)
    void aZeroSubscriptionIdIsAProtocolViolation(Serialization serialization) {
        Bystanders bystanders = new Bystanders(serialization);
        TestClient offender = join(transport, serialization);

        offender.sendValues(34L, 1L, 0L); // UNSUBSCRIBE

        assertAbortedAndClosed(offender, "UNSUBSCRIBE.SUBSCRIBED.Subscription must be an id", PROTOCOL_ERROR);
        bystanders.stillWork();
    }

    // ---- helpers

    /**
     * The offender gets ABORT {@code wamp.error.protocol_violation} saying why, then its connection ends (on
     * WebSocket with {@code webSocketCode}), and its session leaves the router.
     */
    void assertAbortedAndClosed(TestClient offender, String why, int webSocketCode) {
        Abort abort = offender.expect(Abort.class);
        assertThat(abort.details().message()).as("why").isNotBlank().contains(why);
        assertThat(abort).isEqualTo(new Abort(CloseDetails.message(abort.details().message()),
                ErrorUris.PROTOCOL_VIOLATION));
        assertThat(offender.awaitClosed().code()).as("close code").isEqualTo(transport.closeCode(webSocketCode));
    }

    /**
     * A connection that the router closes below the WAMP layer: if anything arrives before the end, it is ABORT
     * {@code wamp.error.protocol_violation}; on WebSocket the close frame carries one of {@code webSocketCodes}.
     */
    void assertClosedForViolation(TestClient offender, int... webSocketCodes) {
        TestClient.Ending ending = offender.awaitEnd();
        assertThat(ending.messages()).as("what arrived before the end").hasSizeLessThanOrEqualTo(1)
                .allSatisfy(message -> assertThat(message).isInstanceOfSatisfying(Abort.class,
                        abort -> assertThat(abort.reason()).isEqualTo(ErrorUris.PROTOCOL_VIOLATION)));
        assertThat(ending.closed().code()).as("close code")
                .isIn(Arrays.stream(webSocketCodes).map(transport::closeCode).boxed().toList());
    }

    /**
     * Two sessions established before the offender: a callee that also subscribes, and a caller that also
     * publishes. {@link #stillWork()} waits until the offender's session is gone, then proves they still route.
     */
    final class Bystanders {

        final TestClient worker;
        final TestClient client;
        private final String procedure = unique("contract.bystander.echo");
        private final String topic = unique("contract.bystander.news");
        private final long registration;
        private final long subscription;
        private final int sessionsWithoutOffender;

        Bystanders(Serialization serialization) {
            worker = join(transport, serialization);
            client = join(transport, serialization);
            registration = worker.register(procedure, RegisterOptions.DEFAULT);
            subscription = worker.subscribe(topic, SubscribeOptions.DEFAULT);
            sessionsWithoutOffender = sessions.count();
        }

        void stillWork() {
            awaitSessions(sessionsWithoutOffender, "the offender's session to leave");

            long request = client.nextRequestId();
            client.send(new Call(request, CallOptions.DEFAULT, procedure, Payload.of("ping")));
            Invocation invocation = worker.expect(Invocation.class);
            assertThat(invocation).isEqualTo(new Invocation(invocation.requestId(), registration,
                    InvocationDetails.DEFAULT, Payload.of("ping")));
            worker.send(new Yield(invocation.requestId(), YieldOptions.DEFAULT, Payload.of("pong")));
            assertThat(client.expect(Result.class))
                    .isEqualTo(new Result(request, ResultDetails.DEFAULT, Payload.of("pong")));

            long publication = client.nextRequestId();
            client.send(new Publish(publication, new PublishOptions(true, true, List.of(), List.of(), List.of(),
                    null, null, null, false, false, Map.of()), topic, Payload.of("still here")));
            Published published = client.expect(Published.class);
            assertThat(published.requestId()).isEqualTo(publication);
            WampMessage event = worker.expect(Event.class);
            assertThat(event).isEqualTo(new Event(subscription, published.publicationId(), EventDetails.DEFAULT,
                    Payload.of("still here")));
        }
    }
}

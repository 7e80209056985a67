package dev.switchboard.router.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.CloseUris;
import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.Match;
import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.message.Abort;
import dev.switchboard.wamp.message.Call;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.Cancel;
import dev.switchboard.wamp.message.CancelMode;
import dev.switchboard.wamp.message.CancelOptions;
import dev.switchboard.wamp.message.CloseDetails;
import dev.switchboard.wamp.message.Error;
import dev.switchboard.wamp.message.Event;
import dev.switchboard.wamp.message.EventDetails;
import dev.switchboard.wamp.message.Goodbye;
import dev.switchboard.wamp.message.Interrupt;
import dev.switchboard.wamp.message.InterruptOptions;
import dev.switchboard.wamp.message.Invocation;
import dev.switchboard.wamp.message.InvocationDetails;
import dev.switchboard.wamp.message.InvocationPolicy;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Publish;
import dev.switchboard.wamp.message.PublishOptions;
import dev.switchboard.wamp.message.Published;
import dev.switchboard.wamp.message.Register;
import dev.switchboard.wamp.message.RegisterOptions;
import dev.switchboard.wamp.message.Registered;
import dev.switchboard.wamp.message.Result;
import dev.switchboard.wamp.message.ResultDetails;
import dev.switchboard.wamp.message.Roles;
import dev.switchboard.wamp.message.Subscribe;
import dev.switchboard.wamp.message.SubscribeOptions;
import dev.switchboard.wamp.message.Subscribed;
import dev.switchboard.wamp.message.Welcome;
import dev.switchboard.wamp.message.WelcomeDetails;
import dev.switchboard.wamp.message.Yield;
import dev.switchboard.wamp.message.YieldOptions;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The router's behaviour as a WAMP client sees it, black-box, over one transport and serialization per subclass:
 * every case asserts the messages the peers receive on the wire.
 */
abstract class RouterContractTests extends RunningRouter {

    /** The roles and features the router announces in WELCOME: the ones it implements. */
    static final Roles ROUTER_ROLES = Roles.of(Map.of(
            Roles.BROKER, Set.of("publisher_identification", "publisher_exclusion", "subscriber_blackwhite_listing",
                    "pattern_based_subscription", "event_retention", "session_meta_api", "subscription_meta_api"),
            Roles.DEALER, Set.of("caller_identification", "progressive_call_results", "progressive_call_invocations",
                    "call_timeout", "call_canceling", "pattern_based_registration", "shared_registration",
                    "registration_revocation", "session_meta_api", "registration_meta_api",
                    "testament_meta_api")));

    private final Transport transport;
    private final Serialization serialization;

    RouterContractTests(Transport transport, Serialization serialization) {
        this.transport = transport;
        this.serialization = serialization;
    }

    TestClient connect() {
        return connect(transport, serialization);
    }

    TestClient join() {
        return join(transport, serialization);
    }

    // ---- sessions

    @Test
    void helloIsWelcomedWithTheRouterRolesAndAnAnonymousIdentity() {
        TestClient client = connect();

        client.send(TestClient.hello(TestClient.REALM));

        Welcome welcome = client.expect(Welcome.class);
        assertThat(welcome.details().authid()).matches("anonymous-[0-9a-z]+");
        assertThat(welcome).isEqualTo(new Welcome(welcome.sessionId(), new WelcomeDetails(ROUTER_ROLES,
                welcome.details().authid(), "anonymous", "anonymous", "static", Map.of(), "Switchboard router",
                Map.of())));
    }

    @Test
    void helloToAnUnknownRealmIsAbortedWithNoSuchRealmAndTheConnectionClosed() {
        TestClient client = connect();

        client.send(TestClient.hello("com.example.nowhere"));

        Abort abort = client.expect(Abort.class);
        assertThat(abort.details().message()).contains("com.example.nowhere");
        assertThat(abort).isEqualTo(new Abort(CloseDetails.message(abort.details().message()),
                ErrorUris.NO_SUCH_REALM));
        assertThat(client.awaitClosed().code()).isEqualTo(transport.closeCode(1000));
    }

    @Test
    void goodbyeIsAnsweredWithGoodbyeAndOutAndTheConnectionClosed() {
        TestClient client = join();

        client.send(new Goodbye(CloseDetails.DEFAULT, CloseUris.NORMAL));

        assertThat(client.expect(Goodbye.class))
                .isEqualTo(new Goodbye(CloseDetails.DEFAULT, CloseUris.GOODBYE_AND_OUT));
        assertThat(client.awaitClosed().code()).isEqualTo(transport.closeCode(1000));
    }

    @Test
    void requestsSentBeforeGoodbyeAreAnsweredBeforeTheGoodbye() {
        TestClient client = join();
        long register = client.nextRequestId();
        long publish = client.nextRequestId();

        client.send(new Register(register, RegisterOptions.DEFAULT, unique("contract.last")));
        client.send(new Publish(publish, acknowledged(true), unique("contract.last"), Payload.EMPTY));
        client.send(new Goodbye(CloseDetails.DEFAULT, CloseUris.NORMAL));

        assertThat(client.expect(Registered.class).requestId()).isEqualTo(register);
        assertThat(client.expect(Published.class).requestId()).isEqualTo(publish);
        assertThat(client.expect(Goodbye.class))
                .isEqualTo(new Goodbye(CloseDetails.DEFAULT, CloseUris.GOODBYE_AND_OUT));
        assertThat(client.awaitClosed().code()).isEqualTo(transport.closeCode(1000));
    }

    // ---- remote procedure calls

    @Test
    void callAndYieldCarryArgumentsAndKeywordArgumentsUntouched() {
        TestClient callee = join();
        TestClient caller = join();
        String procedure = unique("contract.echo");
        long registration = callee.register(procedure, RegisterOptions.DEFAULT);
        Payload arguments = Payload.of(awkwardValues(), awkwardKeywords());
        Payload answer = Payload.of(Arrays.asList(null, new byte[] {(byte) 0xCA, (byte) 0xFE}, List.of()),
                awkwardKeywords());

        long request = caller.nextRequestId();
        caller.send(new Call(request, CallOptions.DEFAULT, procedure, arguments));

        Invocation invocation = callee.expect(Invocation.class);
        assertThat(invocation).usingRecursiveComparison().isEqualTo(new Invocation(invocation.requestId(),
                registration, InvocationDetails.DEFAULT, arguments));
        callee.send(new Yield(invocation.requestId(), YieldOptions.DEFAULT, answer));
        assertThat(caller.expect(Result.class)).usingRecursiveComparison()
                .isEqualTo(new Result(request, ResultDetails.DEFAULT, answer));
    }

    /** Values every serializer must carry unchanged: nulls, extremes, Unicode, nesting and binary. */
    private static List<Object> awkwardValues() {
        return Arrays.asList("text ✓ – ünïcødé 😀", "", 0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE,
                new BigInteger("18446744073709551615"), 1.5, -0.25, 1e300, true, false, null,
                new byte[] {0, 1, 2, (byte) 0x80, (byte) 0xFF}, new byte[0], List.of(), Map.of(),
                Arrays.asList(1L, Arrays.asList("deep", null, Map.of("bytes", new byte[] {7})), List.of(List.of())));
    }

    private static Map<String, Object> awkwardKeywords() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("null", null);
        nested.put("list", Arrays.asList(null, 2L, "three", new byte[] {4}));
        nested.put("map", Map.of("inner", Map.of("innermost", List.of(true))));
        Map<String, Object> kwargs = new LinkedHashMap<>();
        kwargs.put("null", null);
        kwargs.put("binary", new byte[] {(byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF, 0});
        kwargs.put("nested", nested);
        kwargs.put("ключ ✓", "value");
        kwargs.put("", "the empty key");
        return kwargs;
    }

    @Test
    void anApplicationErrorFromTheCalleeReachesTheCallerWithItsDetailsAndArguments() {
        TestClient callee = join();
        TestClient caller = join();
        String procedure = unique("contract.failing");
        callee.register(procedure, RegisterOptions.DEFAULT);
        Payload why = Payload.of(List.of("no such order", 42L), Map.of("order", Map.of("id", 42L, "binary",
                new byte[] {1})));

        long request = caller.nextRequestId();
        caller.send(new Call(request, CallOptions.DEFAULT, procedure, Payload.of(42L)));
        Invocation invocation = callee.expect(Invocation.class);
        callee.send(new Error(Invocation.TYPE, invocation.requestId(), Map.of("retry", false),
                "com.example.error.not_found", why));

        assertThat(caller.expect(Error.class)).usingRecursiveComparison().isEqualTo(new Error(Call.TYPE, request,
                Map.of("retry", false), "com.example.error.not_found", why));
    }

    @Test
    void aCallToAProcedureNobodyRegisteredFailsWithNoSuchProcedure() {
        TestClient caller = join();
        String procedure = unique("contract.missing");

        long request = caller.nextRequestId();
        caller.send(new Call(request, CallOptions.DEFAULT, procedure, Payload.EMPTY));

        caller.expectRouterError(Call.TYPE, request, ErrorUris.NO_SUCH_PROCEDURE);
    }

    @Test
    void aSharedRoundRobinRegistrationTakesTurnsAmongItsCallees() {
        TestClient first = join();
        TestClient second = join();
        TestClient caller = join();
        String procedure = unique("contract.shared");
        RegisterOptions roundRobin = new RegisterOptions(Match.EXACT, InvocationPolicy.ROUNDROBIN, null, false,
                false, Map.of());
        long registration = first.register(procedure, roundRobin);
        assertThat(second.register(procedure, roundRobin)).as("the same registration, shared")
                .isEqualTo(registration);

        for (long turn = 1; turn <= 4; turn++) {
            TestClient expected = turn % 2 == 1 ? first : second;
            long request = caller.nextRequestId();
            caller.send(new Call(request, CallOptions.DEFAULT, procedure, Payload.of(turn)));
            Invocation invocation = expected.expect(Invocation.class);
            assertThat(invocation).isEqualTo(new Invocation(invocation.requestId(), registration,
                    InvocationDetails.DEFAULT, Payload.of(turn)));
            expected.send(new Yield(invocation.requestId(), YieldOptions.DEFAULT, Payload.of("turn " + turn)));
            assertThat(caller.expect(Result.class))
                    .isEqualTo(new Result(request, ResultDetails.DEFAULT, Payload.of("turn " + turn)));
        }
    }

    @Test
    void aCallBeyondTheCalleesConcurrencyFailsWithMaxConcurrencyReachedUntilASlotIsFree() {
        TestClient callee = join();
        TestClient caller = join();
        String procedure = unique("contract.limited");
        callee.register(procedure, new RegisterOptions(Match.EXACT, InvocationPolicy.SINGLE, 1, false, false,
                Map.of()));

        long running = caller.nextRequestId();
        caller.send(new Call(running, CallOptions.DEFAULT, procedure, Payload.of("first")));
        Invocation invocation = callee.expect(Invocation.class);
        long refused = caller.nextRequestId();
        caller.send(new Call(refused, CallOptions.DEFAULT, procedure, Payload.of("second")));

        caller.expectRouterError(Call.TYPE, refused, ErrorUris.MAX_CONCURRENCY_REACHED);
        callee.send(new Yield(invocation.requestId(), YieldOptions.DEFAULT, Payload.of("done")));
        assertThat(caller.expect(Result.class))
                .isEqualTo(new Result(running, ResultDetails.DEFAULT, Payload.of("done")));

        long later = caller.nextRequestId();
        caller.send(new Call(later, CallOptions.DEFAULT, procedure, Payload.of("third")));
        assertThat(callee.expect(Invocation.class).payload()).as("the slot is free again")
                .isEqualTo(Payload.of("third"));
    }

    @Test
    void progressiveResultsReachTheCallerInOrderBeforeTheFinalResult() {
        TestClient callee = join();
        TestClient caller = join();
        String procedure = unique("contract.progressive");
        long registration = callee.register(procedure, RegisterOptions.DEFAULT);

        long request = caller.nextRequestId();
        caller.send(new Call(request, new CallOptions(null, true, false, false, Map.of()), procedure,
                Payload.EMPTY));
        Invocation invocation = callee.expect(Invocation.class);
        assertThat(invocation).isEqualTo(new Invocation(invocation.requestId(), registration,
                new InvocationDetails(null, null, null, null, true, false, null, Map.of()), Payload.EMPTY));
        callee.send(new Yield(invocation.requestId(), YieldOptions.PROGRESS, Payload.of(1L)));
        callee.send(new Yield(invocation.requestId(), YieldOptions.PROGRESS, Payload.of(2L)));
        callee.send(new Yield(invocation.requestId(), YieldOptions.DEFAULT, Payload.of("done")));

        assertThat(caller.expect(Result.class)).isEqualTo(new Result(request, ResultDetails.PROGRESS,
                Payload.of(1L)));
        assertThat(caller.expect(Result.class)).isEqualTo(new Result(request, ResultDetails.PROGRESS,
                Payload.of(2L)));
        assertThat(caller.expect(Result.class)).isEqualTo(new Result(request, ResultDetails.DEFAULT,
                Payload.of("done")));
    }

    /** {@link TestClient#ROLES}, with progressive call invocations for caller and callee. */
    private static final Roles STREAMING = Roles.of(Map.of(
            Roles.CALLER, Set.of("progressive_call_results", "call_canceling", "call_timeout",
                    "progressive_call_invocations"),
            Roles.CALLEE, Set.of("progressive_call_results", "call_canceling", "call_timeout",
                    "progressive_call_invocations"),
            Roles.PUBLISHER, Set.of(),
            Roles.SUBSCRIBER, Set.of()));

    /** A chunk of a progressive call invocation that more chunks follow. */
    private static final CallOptions MORE = new CallOptions(null, false, true, false, Map.of());

    @Test
    void progressiveCallInvocationsStreamEveryChunkToTheSameInvocationInOrder() {
        TestClient callee = connect();
        callee.join(STREAMING);
        TestClient caller = connect();
        caller.join(STREAMING);
        String procedure = unique("contract.upload");
        long registration = callee.register(procedure, RegisterOptions.DEFAULT);
        InvocationDetails more = new InvocationDetails(null, null, null, null, false, true, null, Map.of());
        Payload middle = Payload.of(List.of(2L), Map.of("chunk", new byte[] {2}));

        long request = caller.nextRequestId();
        caller.send(new Call(request, MORE, procedure, Payload.of("first")));
        Invocation first = callee.expect(Invocation.class);
        assertThat(first).isEqualTo(new Invocation(first.requestId(), registration, more, Payload.of("first")));
        caller.send(new Call(request, MORE, procedure, middle));
        caller.send(new Call(request, CallOptions.DEFAULT, procedure, Payload.of("last")));

        assertThat(callee.expect(Invocation.class)).usingRecursiveComparison()
                .isEqualTo(new Invocation(first.requestId(), registration, more, middle));
        assertThat(callee.expect(Invocation.class)).isEqualTo(new Invocation(first.requestId(), registration,
                InvocationDetails.DEFAULT, Payload.of("last")));
        callee.send(new Yield(first.requestId(), YieldOptions.DEFAULT, Payload.of(3L)));
        assertThat(caller.expect(Result.class)).isEqualTo(new Result(request, ResultDetails.DEFAULT,
                Payload.of(3L)));
    }

    @Test
    void aProgressiveCallToACalleeWithoutSupportFailsWithFeatureNotSupportedAndItsChunksAreDiscarded() {
        TestClient callee = join(); // announces neither progressive_call_invocations nor its absence
        TestClient caller = connect();
        caller.join(STREAMING);
        String procedure = unique("contract.upload");
        callee.register(procedure, RegisterOptions.DEFAULT);

        long request = caller.nextRequestId();
        caller.send(new Call(request, MORE, procedure, Payload.of("first")));
        caller.send(new Call(request, MORE, procedure, Payload.of("second")));
        caller.send(new Call(request, CallOptions.DEFAULT, procedure, Payload.of("last")));
        long plain = caller.nextRequestId();
        caller.send(new Call(plain, CallOptions.DEFAULT, procedure, Payload.of("plain")));

        caller.expectRouterError(Call.TYPE, request, ErrorUris.FEATURE_NOT_SUPPORTED);
        Invocation invocation = callee.expect(Invocation.class);
        assertThat(invocation.payload()).as("the callee's first invocation: no chunk reached it")
                .isEqualTo(Payload.of("plain"));
        callee.send(new Yield(invocation.requestId(), YieldOptions.DEFAULT, Payload.of("ok")));
        assertThat(caller.expect(Result.class)).as("the caller's next message: no error for the later chunks")
                .isEqualTo(new Result(plain, ResultDetails.DEFAULT, Payload.of("ok")));
    }

    @Test
    void theLaterChunksOfAProgressiveCallRefusedWithNoSuchProcedureReachNoCalleeRegisteredAfterwards() {
        TestClient caller = connect();
        caller.join(STREAMING);
        String procedure = unique("contract.upload");
        long request = caller.nextRequestId();
        caller.send(new Call(request, MORE, procedure, Payload.of("first")));
        caller.expectRouterError(Call.TYPE, request, ErrorUris.NO_SUCH_PROCEDURE);
        TestClient callee = connect();
        callee.join(STREAMING);
        callee.register(procedure, RegisterOptions.DEFAULT);

        caller.send(new Call(request, MORE, procedure, Payload.of("second")));
        caller.send(new Call(request, CallOptions.DEFAULT, procedure, Payload.of("last")));
        long plain = caller.nextRequestId();
        caller.send(new Call(plain, CallOptions.DEFAULT, procedure, Payload.of("plain")));

        Invocation invocation = callee.expect(Invocation.class);
        assertThat(invocation.payload()).as("the callee's first invocation: no chunk started a call")
                .isEqualTo(Payload.of("plain"));
        callee.send(new Yield(invocation.requestId(), YieldOptions.DEFAULT, Payload.of("ok")));
        assertThat(caller.expect(Result.class)).as("the caller's next message: nothing for the later chunks")
                .isEqualTo(new Result(plain, ResultDetails.DEFAULT, Payload.of("ok")));
    }

    @Test
    void aConfiguredCallQueueHoldsCallsForABusyCalleeAndACanceledOneLeavesIt() {
        TestClient callee = join();
        TestClient caller = join();
        String procedure = unique("contract.queued");
        callee.register(procedure, new RegisterOptions(Match.EXACT, InvocationPolicy.SINGLE, 1, false, false,
                Map.of()));
        long[] requests = new long[4];
        for (int i = 0; i < 4; i++) {
            requests[i] = caller.nextRequestId();
            caller.send(new Call(requests[i], CallOptions.DEFAULT, procedure, Payload.of((long) i)));
        }

        Invocation running = callee.expect(Invocation.class);
        assertThat(running.payload()).isEqualTo(Payload.of(0L));
        caller.expectRouterError(Call.TYPE, requests[3], ErrorUris.MAX_CONCURRENCY_REACHED);
        caller.send(new Cancel(requests[1], new CancelOptions(CancelMode.KILL, Map.of())));
        caller.expectRouterError(Call.TYPE, requests[1], ErrorUris.CANCELED);
        callee.send(new Yield(running.requestId(), YieldOptions.DEFAULT, Payload.of("zero")));

        assertThat(caller.expect(Result.class)).isEqualTo(new Result(requests[0], ResultDetails.DEFAULT,
                Payload.of("zero")));
        Invocation next = callee.expect(Invocation.class);
        assertThat(next.payload()).as("the queued call after the canceled one").isEqualTo(Payload.of(2L));
        callee.send(new Yield(next.requestId(), YieldOptions.DEFAULT, Payload.of("two")));
        assertThat(caller.expect(Result.class)).isEqualTo(new Result(requests[2], ResultDetails.DEFAULT,
                Payload.of("two")));
    }

    @Test
    void cancelInKillModeInterruptsTheCalleeAndPassesItsErrorToTheCaller() {
        TestClient callee = join();
        TestClient caller = join();
        String procedure = unique("contract.cancelable");
        callee.register(procedure, RegisterOptions.DEFAULT);
        long request = caller.nextRequestId();
        caller.send(new Call(request, CallOptions.DEFAULT, procedure, Payload.EMPTY));
        Invocation invocation = callee.expect(Invocation.class);

        caller.send(new Cancel(request, new CancelOptions(CancelMode.KILL, Map.of())));

        assertThat(callee.expect(Interrupt.class)).isEqualTo(new Interrupt(invocation.requestId(),
                new InterruptOptions(CancelMode.KILL, ErrorUris.CANCELED, Map.of())));
        callee.send(new Error(Invocation.TYPE, invocation.requestId(), Map.of(), ErrorUris.CANCELED,
                Payload.of("stopped by the callee")));
        assertThat(caller.expect(Error.class)).as("the callee's own error, so the caller waited for it")
                .isEqualTo(new Error(Call.TYPE, request, Map.of(), ErrorUris.CANCELED,
                        Payload.of("stopped by the callee")));
    }

    @Test
    void aCallThatTimesOutFailsWithTimeoutInterruptsTheCalleeAndDiscardsItsLateResult() {
        TestClient callee = join();
        TestClient caller = join();
        String procedure = unique("contract.slow");
        long registration = callee.register(procedure, RegisterOptions.DEFAULT);

        long request = caller.nextRequestId();
        caller.send(new Call(request, new CallOptions(300L, false, false, false, Map.of()), procedure,
                Payload.EMPTY));
        Invocation invocation = callee.expect(Invocation.class);
        assertThat(invocation).as("the timeout is forwarded to a callee that supports call_timeout")
                .isEqualTo(new Invocation(invocation.requestId(), registration,
                        new InvocationDetails(null, null, null, null, false, false, 300L, Map.of()),
                        Payload.EMPTY));

        assertThat(callee.expect(Interrupt.class)).isEqualTo(new Interrupt(invocation.requestId(),
                new InterruptOptions(CancelMode.KILLNOWAIT, ErrorUris.TIMEOUT, Map.of())));
        caller.expectRouterError(Call.TYPE, request, ErrorUris.TIMEOUT);

        callee.send(new Yield(invocation.requestId(), YieldOptions.DEFAULT, Payload.of("too late")));
        long next = caller.nextRequestId();
        caller.send(new Call(next, CallOptions.DEFAULT, procedure, Payload.EMPTY));
        Invocation nextInvocation = callee.expect(Invocation.class);
        callee.send(new Yield(nextInvocation.requestId(), YieldOptions.DEFAULT, Payload.of("in time")));
        assertThat(caller.expect(Result.class)).as("the late result was discarded")
                .isEqualTo(new Result(next, ResultDetails.DEFAULT, Payload.of("in time")));
    }

    @Test
    void aCalleeThatDisconnectsCancelsTheCallsItWasRunning() {
        TestClient callee = join();
        TestClient caller = join();
        String procedure = unique("contract.vanishing");
        callee.register(procedure, RegisterOptions.DEFAULT);
        long request = caller.nextRequestId();
        caller.send(new Call(request, CallOptions.DEFAULT, procedure, Payload.EMPTY));
        callee.expect(Invocation.class);

        callee.close();

        caller.expectRouterError(Call.TYPE, request, ErrorUris.CANCELED);
        long after = caller.nextRequestId();
        caller.send(new Call(after, CallOptions.DEFAULT, procedure, Payload.EMPTY));
        caller.expectRouterError(Call.TYPE, after, ErrorUris.NO_SUCH_PROCEDURE);
    }

    @Test
    void aCallWithAnInvalidUriIsAnsweredWithInvalidUriAndTheSessionGoesOn() {
        TestClient caller = join();

        long bad = caller.nextRequestId();
        caller.sendValues(Call.TYPE, bad, Map.of(), "contract..not a uri");

        caller.expectRouterError(Call.TYPE, bad, ErrorUris.INVALID_URI);
        long good = caller.nextRequestId();
        caller.send(new Call(good, CallOptions.DEFAULT, unique("contract.missing"), Payload.EMPTY));
        caller.expectRouterError(Call.TYPE, good, ErrorUris.NO_SUCH_PROCEDURE);
    }

    // ---- publish and subscribe

    @Test
    void anAcknowledgedPublicationIsConfirmedAndReachesOtherSubscribersButNotThePublisherByDefault() {
        TestClient publisher = join();
        TestClient subscriber = join();
        String topic = unique("contract.news");
        long publisherSubscription = publisher.subscribe(topic, SubscribeOptions.DEFAULT);
        long subscription = subscriber.subscribe(topic, SubscribeOptions.DEFAULT);
        assertThat(subscription).as("one subscription per topic").isEqualTo(publisherSubscription);
        Payload payload = Payload.of(List.of("headline", new byte[] {1, 2}), Map.of("null", Map.of()));

        long first = publisher.nextRequestId();
        publisher.send(new Publish(first, acknowledged(true), topic, payload));
        Published published = publisher.expect(Published.class);
        assertThat(published.requestId()).isEqualTo(first);
        assertThat(subscriber.expect(Event.class)).usingRecursiveComparison().isEqualTo(new Event(subscription,
                published.publicationId(), EventDetails.DEFAULT, payload));

        long second = publisher.nextRequestId();
        publisher.send(new Publish(second, acknowledged(false), topic, Payload.of("to me too")));
        Event own = publisher.expect(Event.class);
        assertThat(own.payload()).as("the publisher's next message: its own second event, not the first")
                .isEqualTo(Payload.of("to me too"));
        assertThat(publisher.expect(Published.class)).isEqualTo(new Published(second, own.publicationId()));
        assertThat(subscriber.expect(Event.class)).isEqualTo(new Event(subscription, own.publicationId(),
                EventDetails.DEFAULT, Payload.of("to me too")));
    }

    private static PublishOptions acknowledged(boolean excludeMe) {
        return new PublishOptions(true, excludeMe, List.of(), List.of(), List.of(), null, null, null, false, false,
                Map.of());
    }

    @Test
    void eligibleAndExcludeChooseWhichSubscribersReceiveAPublication() {
        TestClient publisher = join();
        TestClient chosen = join();
        TestClient other = join();
        String topic = unique("contract.private");
        long subscription = chosen.subscribe(topic, SubscribeOptions.DEFAULT);
        other.subscribe(topic, SubscribeOptions.DEFAULT);

        publisher.send(new Publish(publisher.nextRequestId(), new PublishOptions(false, true, List.of(), List.of(),
                List.of(), List.of(chosen.sessionId()), null, null, false, false, Map.of()), topic,
                Payload.of("eligible")));
        publisher.send(new Publish(publisher.nextRequestId(), new PublishOptions(false, true,
                List.of(other.sessionId()), List.of(), List.of(), null, null, null, false, false, Map.of()), topic,
                Payload.of("excluding the other")));
        publisher.send(new Publish(publisher.nextRequestId(), PublishOptions.DEFAULT, topic, Payload.of("everyone")));

        assertThat(chosen.expect(Event.class).payload()).isEqualTo(Payload.of("eligible"));
        assertThat(chosen.expect(Event.class).payload()).isEqualTo(Payload.of("excluding the other"));
        Event toAll = chosen.expect(Event.class);
        assertThat(toAll.payload()).isEqualTo(Payload.of("everyone"));
        assertThat(other.expect(Event.class)).as("the other's first event is the one to everyone")
                .isEqualTo(new Event(subscription, toAll.publicationId(), EventDetails.DEFAULT,
                        Payload.of("everyone")));
    }

    @Test
    void aPrefixSubscriptionReceivesEventsWithTheConcreteTopic() {
        TestClient publisher = join();
        TestClient subscriber = join();
        String prefix = unique("contract.sensors");
        long subscription = subscriber.subscribe(prefix,
                new SubscribeOptions(Match.PREFIX, false, Map.of()));

        String topic = prefix + ".kitchen.temperature";
        long request = publisher.nextRequestId();
        publisher.send(new Publish(request, acknowledged(true), topic, Payload.of(21.5)));
        Published published = publisher.expect(Published.class);

        assertThat(subscriber.expect(Event.class)).isEqualTo(new Event(subscription, published.publicationId(),
                new EventDetails(null, null, null, topic, false, Map.of()), Payload.of(21.5)));
    }

    @Test
    void aRetainedEventIsDeliveredToALaterSubscriberThatAsksForIt() {
        TestClient publisher = join();
        String topic = unique("contract.state");
        Payload state = Payload.of(List.of("on"), Map.of("since", 1700000000L));
        long request = publisher.nextRequestId();
        publisher.send(new Publish(request, new PublishOptions(true, true, List.of(), List.of(), List.of(), null,
                null, null, false, true, Map.of()), topic, state));
        long publication = publisher.expect(Published.class).publicationId();

        TestClient late = join();
        long subscribe = late.nextRequestId();
        late.send(new Subscribe(subscribe, new SubscribeOptions(Match.EXACT, true, Map.of()), topic));
        long subscription = late.expect(Subscribed.class).subscriptionId();
        assertThat(late.expect(Event.class)).isEqualTo(new Event(subscription, publication,
                new EventDetails(null, null, null, null, true, Map.of()), state));

        TestClient uninterested = join();
        uninterested.subscribe(topic, SubscribeOptions.DEFAULT);
        publisher.send(new Publish(publisher.nextRequestId(), PublishOptions.DEFAULT, topic, Payload.of("off")));
        assertThat(uninterested.expect(Event.class).payload()).as("no retained event without get_retained")
                .isEqualTo(Payload.of("off"));
        assertThat(late.expect(Event.class).payload()).isEqualTo(Payload.of("off"));
    }

    // ---- meta API

    @Test
    void theSessionMetaApiCountsSessionsAndAnnouncesEachJoin() {
        TestClient observer = join();
        long subscription = observer.subscribe("wamp.session.on_join", SubscribeOptions.DEFAULT);
        long before = sessions.count();
        assertThat(observer.call("wamp.session.count")).isEqualTo(Payload.of(before));

        TestClient joiner = connect();
        Welcome welcome = joiner.join();

        Event joined = observer.expect(Event.class);
        Map<String, Object> transportDetails = new LinkedHashMap<>();
        transportDetails.put("type", transport.name().toLowerCase(Locale.ROOT));
        transportDetails.put("serializer", serialization.subprotocol());
        transportDetails.put("peer", "tcp4:127.0.0.1:" + joiner.localPort());
        transportDetails.put("secure", false);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("session", welcome.sessionId());
        details.put("realm", TestClient.REALM);
        details.put("authid", welcome.details().authid());
        details.put("authrole", "anonymous");
        details.put("authmethod", "anonymous");
        details.put("authprovider", "static");
        details.put("authextra", Map.of());
        details.put("transport", transportDetails);
        assertThat(joined).isEqualTo(new Event(subscription, joined.publicationId(), EventDetails.DEFAULT,
                Payload.of(details)));
        assertThat(observer.call("wamp.session.count")).isEqualTo(Payload.of(before + 1));
    }
}

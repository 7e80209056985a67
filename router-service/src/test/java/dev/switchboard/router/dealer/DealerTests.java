package dev.switchboard.router.dealer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.router.routing.ManualLoop;
import dev.switchboard.router.routing.RecordingPeer;
import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.Match;
import dev.switchboard.wamp.matching.UriPattern;
import dev.switchboard.wamp.message.Call;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.Cancel;
import dev.switchboard.wamp.message.CancelMode;
import dev.switchboard.wamp.message.CancelOptions;
import dev.switchboard.wamp.message.Error;
import dev.switchboard.wamp.message.Interrupt;
import dev.switchboard.wamp.message.Invocation;
import dev.switchboard.wamp.message.InvocationPolicy;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Register;
import dev.switchboard.wamp.message.RegisterOptions;
import dev.switchboard.wamp.message.Registered;
import dev.switchboard.wamp.message.Result;
import dev.switchboard.wamp.message.Unregister;
import dev.switchboard.wamp.message.Unregistered;
import dev.switchboard.wamp.message.Yield;
import dev.switchboard.wamp.message.YieldOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DealerTests {

    private static final String CANCELING = "call_canceling";
    private static final String PROGRESS = "progressive_call_results";
    private static final String INVOCATIONS = "progressive_call_invocations";

    private final ManualLoop loop = new ManualLoop();
    private Dealer dealer = dealer(DealerSettings.DEFAULTS);
    private long requests = 100;

    private Dealer dealer(DealerSettings settings) {
        return new Dealer(loop, settings, RegistrationListener.NONE, Clock.systemUTC());
    }

    private long register(RecordingPeer callee, String procedure, RegisterOptions options) {
        dealer.register(callee.peer(), new Register(++requests, options, procedure));
        return callee.take(Registered.class).registrationId();
    }

    private long register(RecordingPeer callee, String procedure) {
        return register(callee, procedure, RegisterOptions.DEFAULT);
    }

    private static RegisterOptions shared(InvocationPolicy policy, Integer concurrency) {
        return new RegisterOptions(Match.EXACT, policy, concurrency, false, false, Map.of());
    }

    private long call(RecordingPeer caller, String procedure, CallOptions options, Payload payload) {
        long id = ++requests;
        dealer.call(caller.peer(), new Call(id, options, procedure, payload), options.discloseMe());
        return id;
    }

    private long call(RecordingPeer caller, String procedure) {
        return call(caller, procedure, CallOptions.DEFAULT, Payload.EMPTY);
    }

    private void yieldResult(RecordingPeer callee, Invocation invocation, Object... result) {
        dealer.yield(callee.peer(), new Yield(invocation.requestId(), YieldOptions.DEFAULT, Payload.of(result)));
    }

    private static CallOptions timeout(long millis) {
        return new CallOptions(millis, false, false, false, Map.of());
    }

    @Test
    void aCallIsInvokedOnTheCalleeAndItsResultReturnedWithArgumentsUntouched() {
        RecordingPeer callee = RecordingPeer.client("callee");
        RecordingPeer caller = RecordingPeer.client("caller");
        long registration = register(callee, "com.example.add");
        Payload args = Payload.of(Arrays.asList(1L, null, "x"), Map.of("k", List.of(true)));

        long request = call(caller, "com.example.add", CallOptions.DEFAULT, args);
        Invocation invocation = callee.take(Invocation.class);
        assertThat(invocation.registrationId()).isEqualTo(registration);
        assertThat(invocation.payload()).isEqualTo(args);
        assertThat(invocation.details().caller()).isNull();

        dealer.yield(callee.peer(), new Yield(invocation.requestId(), YieldOptions.DEFAULT,
                Payload.of(List.of(3L), Map.of("note", "ok"))));
        Result result = caller.take(Result.class);
        assertThat(result.requestId()).isEqualTo(request);
        assertThat(result.payload()).isEqualTo(Payload.of(List.of(3L), Map.of("note", "ok")));
        caller.assertNothingMore();
    }

    @Test
    void aCallToAProcedureNobodyRegisteredFailsWithNoSuchProcedure() {
        RecordingPeer caller = RecordingPeer.client("caller");
        long request = call(caller, "com.example.missing");
        Error error = caller.take(Error.class);
        assertThat(error.requestId()).isEqualTo(request);
        assertThat(error.requestType()).isEqualTo(Call.TYPE);
        assertThat(error.error()).isEqualTo(ErrorUris.NO_SUCH_PROCEDURE);
    }

    @Test
    void anErrorFromTheCalleeReachesTheCallerWithItsUriAndArguments() {
        RecordingPeer callee = RecordingPeer.client("callee");
        RecordingPeer caller = RecordingPeer.client("caller");
        register(callee, "com.example.div");
        long request = call(caller, "com.example.div");
        Invocation invocation = callee.take(Invocation.class);
        dealer.error(callee.peer(), new Error(Invocation.TYPE, invocation.requestId(), Map.of("x", 1L),
                "com.example.error.division_by_zero", Payload.of("cannot divide by zero")));
        Error error = caller.take(Error.class);
        assertThat(error.requestId()).isEqualTo(request);
        assertThat(error.error()).isEqualTo("com.example.error.division_by_zero");
        assertThat(error.payload()).isEqualTo(Payload.of("cannot divide by zero"));
        assertThat(error.details()).containsEntry("x", 1L);
    }

    @Test
    void discloseMeTellsTheCalleeWhoCalls() {
        RecordingPeer callee = RecordingPeer.client("callee");
        RecordingPeer caller = RecordingPeer.withRole("alice", "admin");
        register(callee, "com.example.whoami");
        call(caller, "com.example.whoami", new CallOptions(null, false, false, true, Map.of()), Payload.EMPTY);
        Invocation invocation = callee.take(Invocation.class);
        assertThat(invocation.details().caller()).isEqualTo(caller.sessionId());
        assertThat(invocation.details().callerAuthid()).isEqualTo("alice");
        assertThat(invocation.details().callerAuthrole()).isEqualTo("admin");
    }

    @Nested
    class SharedRegistration {

        @Test
        void aSecondSingleRegistrationIsRefused() {
            register(RecordingPeer.client("a"), "com.example.p");
            RecordingPeer second = RecordingPeer.client("b");
            dealer.register(second.peer(), new Register(1, RegisterOptions.DEFAULT, "com.example.p"));
            assertThat(second.take(Error.class).error()).isEqualTo(ErrorUris.PROCEDURE_ALREADY_EXISTS);
        }

        @Test
        void aDifferentPolicyIsRefused() {
            register(RecordingPeer.client("a"), "com.example.p", shared(InvocationPolicy.ROUNDROBIN, null));
            RecordingPeer second = RecordingPeer.client("b");
            dealer.register(second.peer(), new Register(1, shared(InvocationPolicy.RANDOM, null), "com.example.p"));
            assertThat(second.take(Error.class).error())
                    .isEqualTo(ErrorUris.PROCEDURE_EXISTS_WITH_DIFFERENT_INVOCATION_POLICY);
        }

        @Test
        void calleesOfTheSamePolicyShareOneRegistration() {
            long first = register(RecordingPeer.client("a"), "com.example.p", shared(InvocationPolicy.FIRST, null));
            long second = register(RecordingPeer.client("b"), "com.example.p", shared(InvocationPolicy.FIRST, null));
            assertThat(second).isEqualTo(first);
            assertThat(dealer.get(first).callees()).hasSize(2);
        }

        @Test
        void roundRobinTakesTurnsInRegistrationOrder() {
            List<RecordingPeer> callees = List.of(RecordingPeer.client("a"), RecordingPeer.client("b"),
                    RecordingPeer.client("c"));
            callees.forEach(c -> register(c, "com.example.p", shared(InvocationPolicy.ROUNDROBIN, null)));
            RecordingPeer caller = RecordingPeer.client("caller");
            for (int i = 0; i < 6; i++) {
                call(caller, "com.example.p");
            }
            callees.forEach(c -> assertThat(c.received()).hasSize(2).allMatch(Invocation.class::isInstance));
        }

        @Test
        void firstAndLastPickTheOldestAndNewestCallee() {
            RecordingPeer a = RecordingPeer.client("a");
            RecordingPeer b = RecordingPeer.client("b");
            register(a, "com.example.first", shared(InvocationPolicy.FIRST, null));
            register(b, "com.example.first", shared(InvocationPolicy.FIRST, null));
            register(a, "com.example.last", shared(InvocationPolicy.LAST, null));
            register(b, "com.example.last", shared(InvocationPolicy.LAST, null));
            RecordingPeer caller = RecordingPeer.client("caller");
            call(caller, "com.example.first");
            call(caller, "com.example.first");
            call(caller, "com.example.last");
            assertThat(a.received()).hasSize(2);
            assertThat(b.received()).hasSize(1);
        }

        @Test
        void randomSpreadsCallsOverAllCallees() {
            RecordingPeer a = RecordingPeer.client("a");
            RecordingPeer b = RecordingPeer.client("b");
            register(a, "com.example.p", shared(InvocationPolicy.RANDOM, null));
            register(b, "com.example.p", shared(InvocationPolicy.RANDOM, null));
            RecordingPeer caller = RecordingPeer.client("caller");
            for (int i = 0; i < 200; i++) {
                call(caller, "com.example.p");
            }
            assertThat(a.received().size()).isBetween(50, 150);
            assertThat(a.received().size() + b.received().size()).isEqualTo(200);
        }

        @Test
        void forceReregisterTakesTheRegistrationOverAndRevokesTheOldCallee() {
            RecordingPeer old = RecordingPeer.client("old", "registration_revocation");
            long id = register(old, "com.example.p");
            RecordingPeer newcomer = RecordingPeer.client("new");
            long taken = register(newcomer, "com.example.p",
                    new RegisterOptions(Match.EXACT, InvocationPolicy.SINGLE, null, true, false, Map.of()));
            assertThat(taken).isEqualTo(id);
            Unregistered revoked = old.take(Unregistered.class);
            assertThat(revoked.requestId()).isZero();
            assertThat(revoked.details()).containsEntry("registration", id);
            call(RecordingPeer.client("caller"), "com.example.p");
            newcomer.take(Invocation.class);
            old.assertNothingMore();
        }
    }

    @Nested
    class Concurrency {

        @Test
        void roundRobinSkipsCalleeAtItsConcurrencyLimit() {
            RecordingPeer a = RecordingPeer.client("a");
            RecordingPeer b = RecordingPeer.client("b");
            register(a, "com.example.p", shared(InvocationPolicy.ROUNDROBIN, 1));
            register(b, "com.example.p", shared(InvocationPolicy.ROUNDROBIN, 3));
            RecordingPeer caller = RecordingPeer.client("caller");
            for (int i = 0; i < 4; i++) {
                call(caller, "com.example.p");
            }
            assertThat(a.received()).hasSize(1);
            assertThat(b.received()).hasSize(3);
        }

        @Test
        void whenEveryCalleeIsFullTheCallFailsWithMaxConcurrencyReached() {
            RecordingPeer a = RecordingPeer.client("a");
            register(a, "com.example.p", shared(InvocationPolicy.SINGLE, 1));
            RecordingPeer caller = RecordingPeer.client("caller");
            call(caller, "com.example.p");
            call(caller, "com.example.p");
            assertThat(caller.take(Error.class).error()).isEqualTo(ErrorUris.MAX_CONCURRENCY_REACHED);
        }

        @Test
        void aSlotIsFreedByYieldErrorTimeoutCancelAndCalleeLoss() {
            RecordingPeer callee = RecordingPeer.client("callee", CANCELING);
            register(callee, "com.example.p", shared(InvocationPolicy.SINGLE, 1));
            RecordingPeer caller = RecordingPeer.client("caller");

            call(caller, "com.example.p");
            yieldResult(callee, callee.take(Invocation.class));
            caller.take(Result.class);

            call(caller, "com.example.p");
            Invocation second = callee.take(Invocation.class);
            dealer.error(callee.peer(), new Error(Invocation.TYPE, second.requestId(), Map.of(), "com.example.e",
                    Payload.EMPTY));
            caller.take(Error.class);

            call(caller, "com.example.p", timeout(50), Payload.EMPTY);
            callee.take(Invocation.class);
            loop.advance(Duration.ofMillis(60));
            assertThat(caller.take(Error.class).error()).isEqualTo(ErrorUris.TIMEOUT);
            callee.take(Interrupt.class);

            long fourth = call(caller, "com.example.p");
            callee.take(Invocation.class);
            dealer.cancel(caller.peer(), new Cancel(fourth, new CancelOptions(CancelMode.KILLNOWAIT, Map.of())));
            assertThat(caller.take(Error.class).error()).isEqualTo(ErrorUris.CANCELED);
            callee.take(Interrupt.class);

            call(caller, "com.example.p");
            callee.take(Invocation.class);
            assertThat(dealer.get(dealer.match("com.example.p").id()).callees().getFirst().running()).isEqualTo(1);
        }

        @Test
        void aConfiguredQueueHoldsCallsUntilACalleeIsFreeInArrivalOrder() {
            dealer = dealer(new DealerSettings(Duration.ofMinutes(1), Duration.ZERO,
                    Map.of(new UriPattern("com.example.", Match.PREFIX), 2)));
            RecordingPeer callee = RecordingPeer.client("callee");
            register(callee, "com.example.p", shared(InvocationPolicy.SINGLE, 1));
            RecordingPeer caller = RecordingPeer.client("caller");
            call(caller, "com.example.p", CallOptions.DEFAULT, Payload.of(1L));
            call(caller, "com.example.p", CallOptions.DEFAULT, Payload.of(2L));
            call(caller, "com.example.p", CallOptions.DEFAULT, Payload.of(3L));
            call(caller, "com.example.p", CallOptions.DEFAULT, Payload.of(4L));
            assertThat(caller.take(Error.class).error()).isEqualTo(ErrorUris.MAX_CONCURRENCY_REACHED);

            Invocation first = callee.take(Invocation.class);
            callee.assertNothingMore();
            yieldResult(callee, first);
            assertThat(callee.take(Invocation.class).payload()).isEqualTo(Payload.of(2L));
        }

        @Test
        void aQueuedCallTimesOutAndLeavesTheQueue() {
            dealer = dealer(new DealerSettings(Duration.ofMillis(100), Duration.ZERO,
                    Map.of(new UriPattern("com.example.p", Match.EXACT), 5)));
            RecordingPeer callee = RecordingPeer.client("callee");
            register(callee, "com.example.p", shared(InvocationPolicy.SINGLE, 1));
            RecordingPeer caller = RecordingPeer.client("caller");
            call(caller, "com.example.p", timeout(1_000), Payload.EMPTY);
            call(caller, "com.example.p", timeout(50), Payload.EMPTY);
            loop.advance(Duration.ofMillis(60));
            assertThat(caller.take(Error.class).error()).isEqualTo(ErrorUris.TIMEOUT);
            assertThat(dealer.match("com.example.p").queued()).isZero();
        }
        @Test
        void lastSkipsTheNewestCalleeAtItsConcurrencyLimit() {
            RecordingPeer older = RecordingPeer.client("older");
            RecordingPeer newer = RecordingPeer.client("newer");
            register(older, "com.example.p", shared(InvocationPolicy.LAST, 2));
            register(newer, "com.example.p", shared(InvocationPolicy.LAST, 1));
            RecordingPeer caller = RecordingPeer.client("caller");
            call(caller, "com.example.p", CallOptions.DEFAULT, Payload.of(1L));
            call(caller, "com.example.p", CallOptions.DEFAULT, Payload.of(2L));
            call(caller, "com.example.p", CallOptions.DEFAULT, Payload.of(3L));
            long refused = call(caller, "com.example.p", CallOptions.DEFAULT, Payload.of(4L));

            Invocation first = newer.take(Invocation.class);
            assertThat(first.payload()).isEqualTo(Payload.of(1L));
            newer.assertNothingMore();
            assertThat(older.take(Invocation.class).payload()).isEqualTo(Payload.of(2L));
            assertThat(older.take(Invocation.class).payload()).isEqualTo(Payload.of(3L));
            Error error = caller.take(Error.class);
            assertThat(error.requestId()).isEqualTo(refused);
            assertThat(error.error()).isEqualTo(ErrorUris.MAX_CONCURRENCY_REACHED);

            yieldResult(newer, first, "one");
            caller.take(Result.class);
            call(caller, "com.example.p", CallOptions.DEFAULT, Payload.of(5L));
            assertThat(newer.take(Invocation.class).payload()).as("the newest callee again, once free")
                    .isEqualTo(Payload.of(5L));
            older.assertNothingMore();
        }

        @Test
        void randomPicksOnlyAmongCalleesWithAFreeSlot() {
            RecordingPeer a = RecordingPeer.client("a");
            RecordingPeer b = RecordingPeer.client("b");
            register(a, "com.example.p", shared(InvocationPolicy.RANDOM, 1));
            register(b, "com.example.p", shared(InvocationPolicy.RANDOM, 1));
            RecordingPeer caller = RecordingPeer.client("caller");
            for (int round = 0; round < 20; round++) {
                call(caller, "com.example.p");
                call(caller, "com.example.p");
                long refused = call(caller, "com.example.p");

                Invocation atA = a.take(Invocation.class);
                Invocation atB = b.take(Invocation.class);
                a.assertNothingMore();
                b.assertNothingMore();
                Error error = caller.take(Error.class);
                assertThat(error.requestId()).isEqualTo(refused);
                assertThat(error.error()).isEqualTo(ErrorUris.MAX_CONCURRENCY_REACHED);
                yieldResult(a, atA);
                yieldResult(b, atB);
                caller.take(Result.class);
                caller.take(Result.class);
            }
        }

        @Test
        void aCanceledQueuedCallLeavesTheQueueWithoutReachingTheCallee() {
            dealer = dealer(new DealerSettings(Duration.ofMinutes(1), Duration.ZERO,
                    Map.of(new UriPattern("com.example.p", Match.EXACT), 5)));
            RecordingPeer callee = RecordingPeer.client("callee", CANCELING);
            register(callee, "com.example.p", shared(InvocationPolicy.SINGLE, 1));
            RecordingPeer caller = RecordingPeer.client("caller");
            call(caller, "com.example.p", CallOptions.DEFAULT, Payload.of(1L));
            long queued = call(caller, "com.example.p", CallOptions.DEFAULT, Payload.of(2L));
            call(caller, "com.example.p", CallOptions.DEFAULT, Payload.of(3L));
            Invocation running = callee.take(Invocation.class);

            dealer.cancel(caller.peer(), new Cancel(queued, new CancelOptions(CancelMode.KILL, Map.of())));

            Error canceled = caller.take(Error.class);
            assertThat(canceled.requestId()).isEqualTo(queued);
            assertThat(canceled.error()).isEqualTo(ErrorUris.CANCELED);
            callee.assertNothingMore();
            yieldResult(callee, running, "one");
            assertThat(caller.take(Result.class).payload()).isEqualTo(Payload.of("one"));
            assertThat(callee.take(Invocation.class).payload()).as("the call after the canceled one")
                    .isEqualTo(Payload.of(3L));
            callee.assertNothingMore();
            caller.assertNothingMore();
        }

        @Test
        void aQueuedProgressiveCallWhoseChunksPileUpBehindABusyCalleeFailsAndLeavesTheQueue() {
            dealer = dealer(new DealerSettings(Duration.ofMinutes(1), Duration.ZERO,
                    Map.of(new UriPattern("com.example.upload", Match.EXACT), 5)));
            RecordingPeer callee = RecordingPeer.client("callee", "progressive_call_invocations", CANCELING);
            register(callee, "com.example.upload", shared(InvocationPolicy.SINGLE, 1));
            RecordingPeer caller = RecordingPeer.client("caller");
            RecordingPeer other = RecordingPeer.client("other");
            call(caller, "com.example.upload", CallOptions.DEFAULT, Payload.of(1L));
            Invocation running = callee.take(Invocation.class);
            CallOptions more = new CallOptions(null, false, true, false, Map.of());
            for (int chunk = 0; chunk <= 1_024; chunk++) { // the first chunk queues the call, 1,024 more wait with it
                dealer.call(caller.peer(), new Call(9, more, "com.example.upload", Payload.of(chunk)), false);
            }
            caller.assertNothingMore();
            long behind = call(other, "com.example.upload", CallOptions.DEFAULT, Payload.of("behind"));

            dealer.call(caller.peer(), new Call(9, more, "com.example.upload", Payload.of("one too many")), false);

            Error error = caller.take(Error.class);
            assertThat(error.requestId()).isEqualTo(9);
            assertThat(error.error()).isEqualTo(ErrorUris.PAYLOAD_SIZE_EXCEEDED);
            dealer.call(caller.peer(), new Call(9, CallOptions.DEFAULT, "com.example.upload", Payload.of("end")),
                    false);
            yieldResult(callee, running, "done");
            assertThat(caller.take(Result.class).payload()).isEqualTo(Payload.of("done"));
            Invocation next = callee.take(Invocation.class);
            assertThat(next.payload()).as("the call queued behind the failed one").isEqualTo(Payload.of("behind"));
            callee.assertNothingMore();
            yieldResult(callee, next, "ok");
            assertThat(other.take(Result.class).requestId()).isEqualTo(behind);
            caller.assertNothingMore();
        }

        @Test
        void aQueuedCallOfACallerThatLeftIsNeverInvoked() {
            dealer = dealer(new DealerSettings(Duration.ofMinutes(1), Duration.ZERO,
                    Map.of(new UriPattern("com.example.p", Match.EXACT), 5)));
            RecordingPeer callee = RecordingPeer.client("callee");
            register(callee, "com.example.p", shared(InvocationPolicy.SINGLE, 1));
            RecordingPeer first = RecordingPeer.client("first");
            RecordingPeer leaving = RecordingPeer.client("leaving");
            RecordingPeer staying = RecordingPeer.client("staying");
            call(first, "com.example.p", CallOptions.DEFAULT, Payload.of("first"));
            call(leaving, "com.example.p", CallOptions.DEFAULT, Payload.of("leaving"));
            long waiting = call(staying, "com.example.p", CallOptions.DEFAULT, Payload.of("staying"));
            Invocation running = callee.take(Invocation.class);

            dealer.leave(leaving.sessionId());
            yieldResult(callee, running, "done");

            first.take(Result.class);
            Invocation next = callee.take(Invocation.class);
            assertThat(next.payload()).isEqualTo(Payload.of("staying"));
            callee.assertNothingMore();
            leaving.assertNothingMore();
            yieldResult(callee, next, "yours");
            assertThat(staying.take(Result.class).requestId()).isEqualTo(waiting);
        }

        @Test
        void whenTheLastCalleeUnregistersTheRunningAndQueuedCallsAreCanceled() {
            dealer = dealer(new DealerSettings(Duration.ofMinutes(1), Duration.ZERO,
                    Map.of(new UriPattern("com.example.p", Match.EXACT), 5)));
            RecordingPeer callee = RecordingPeer.client("callee");
            long registration = register(callee, "com.example.p", shared(InvocationPolicy.SINGLE, 1));
            RecordingPeer caller = RecordingPeer.client("caller");
            long running = call(caller, "com.example.p");
            long queued = call(caller, "com.example.p");
            callee.take(Invocation.class);

            dealer.unregister(callee.peer(), new Unregister(5, registration));

            assertThat(callee.take(Unregistered.class).requestId()).isEqualTo(5);
            callee.assertNothingMore();
            Error first = caller.take(Error.class);
            Error second = caller.take(Error.class);
            assertThat(List.of(first.requestId(), second.requestId())).containsExactlyInAnyOrder(running, queued);
            assertThat(List.of(first.error(), second.error())).containsOnly(ErrorUris.CANCELED);
            long after = call(caller, "com.example.p");
            Error gone = caller.take(Error.class);
            assertThat(gone.requestId()).isEqualTo(after);
            assertThat(gone.error()).isEqualTo(ErrorUris.NO_SUCH_PROCEDURE);
            assertThat(loop.pendingTimers()).as("no timer outlives its call").isZero();
        }
    }

    @Nested
    class Progress {

        @Test
        void progressiveResultsReachACallerThatAskedForThem() {
            RecordingPeer callee = RecordingPeer.client("callee", PROGRESS);
            register(callee, "com.example.p");
            RecordingPeer caller = RecordingPeer.client("caller");
            call(caller, "com.example.p", new CallOptions(null, true, false, false, Map.of()), Payload.EMPTY);
            Invocation invocation = callee.take(Invocation.class);
            assertThat(invocation.details().receiveProgress()).isTrue();
            dealer.yield(callee.peer(), new Yield(invocation.requestId(), YieldOptions.PROGRESS, Payload.of(1L)));
            dealer.yield(callee.peer(), new Yield(invocation.requestId(), YieldOptions.PROGRESS, Payload.of(2L)));
            yieldResult(callee, invocation, 3L);
            assertThat(caller.take(Result.class).details().progress()).isTrue();
            assertThat(caller.take(Result.class).payload()).isEqualTo(Payload.of(2L));
            Result last = caller.take(Result.class);
            assertThat(last.details().progress()).isFalse();
            assertThat(last.payload()).isEqualTo(Payload.of(3L));
        }

        @Test
        void progressiveCallInvocationsStreamChunksToTheSameInvocation() {
            RecordingPeer callee = RecordingPeer.client("callee", INVOCATIONS, CANCELING);
            register(callee, "com.example.upload");
            RecordingPeer caller = RecordingPeer.client("caller");
            CallOptions more = new CallOptions(null, false, true, false, Map.of());
            dealer.call(caller.peer(), new Call(7, more, "com.example.upload", Payload.of("a")), false);
            dealer.call(caller.peer(), new Call(7, more, "com.example.upload", Payload.of("b")), false);
            dealer.call(caller.peer(), new Call(7, CallOptions.DEFAULT, "com.example.upload", Payload.of("c")), false);
            Invocation a = callee.take(Invocation.class);
            Invocation b = callee.take(Invocation.class);
            Invocation c = callee.take(Invocation.class);
            assertThat(List.of(a.requestId(), b.requestId(), c.requestId())).containsOnly(a.requestId());
            assertThat(List.of(a.details().progress(), b.details().progress(), c.details().progress()))
                    .containsExactly(true, true, false);
            yieldResult(callee, c, "done");
            assertThat(caller.take(Result.class).requestId()).isEqualTo(7);
        }
        private static final CallOptions MORE = new CallOptions(null, false, true, false, Map.of());

        @Test
        void aCalleeWithoutCallCancelingGetsNoProgressiveCallInvocationAndTheRestOfTheCallIsDiscarded() {
            RecordingPeer callee = RecordingPeer.client("callee", INVOCATIONS);
            register(callee, "com.example.upload");
            RecordingPeer caller = RecordingPeer.client("caller");

            dealer.call(caller.peer(), new Call(7, MORE, "com.example.upload", Payload.of("a")), false);
            dealer.call(caller.peer(), new Call(7, MORE, "com.example.upload", Payload.of("b")), false);
            dealer.call(caller.peer(), new Call(7, CallOptions.DEFAULT, "com.example.upload", Payload.of("c")),
                    false);

            Error error = caller.take(Error.class);
            assertThat(error.requestId()).isEqualTo(7);
            assertThat(error.error()).isEqualTo(ErrorUris.FEATURE_NOT_SUPPORTED);
            caller.assertNothingMore();
            callee.assertNothingMore();
            dealer.call(caller.peer(), new Call(7, CallOptions.DEFAULT, "com.example.upload", Payload.of("new")),
                    false);
            assertThat(callee.take(Invocation.class).payload()).as("the request id is free again")
                    .isEqualTo(Payload.of("new"));
        }

        @Test
        void theChunksOfAProgressiveCallRefusedForConcurrencyStartNoCallOfTheirOwn() {
            RecordingPeer callee = RecordingPeer.client("callee", INVOCATIONS, CANCELING);
            register(callee, "com.example.upload", shared(InvocationPolicy.SINGLE, 1));
            RecordingPeer caller = RecordingPeer.client("caller");
            long busy = call(caller, "com.example.upload");
            Invocation running = callee.take(Invocation.class);

            dealer.call(caller.peer(), new Call(7, MORE, "com.example.upload", Payload.of("a")), false);
            Error refused = caller.take(Error.class);
            assertThat(refused.requestId()).isEqualTo(7);
            assertThat(refused.error()).isEqualTo(ErrorUris.MAX_CONCURRENCY_REACHED);
            yieldResult(callee, running, "free");
            assertThat(caller.take(Result.class).requestId()).isEqualTo(busy);
            dealer.call(caller.peer(), new Call(7, MORE, "com.example.upload", Payload.of("b")), false);
            dealer.call(caller.peer(), new Call(7, CallOptions.DEFAULT, "com.example.upload", Payload.of("c")),
                    false);

            callee.assertNothingMore();
            caller.assertNothingMore();
        }

        @Test
        void theChunksOfATimedOutProgressiveCallNeverReachTheCallee() {
            RecordingPeer callee = RecordingPeer.client("callee", INVOCATIONS, CANCELING);
            register(callee, "com.example.upload");
            RecordingPeer caller = RecordingPeer.client("caller");
            dealer.call(caller.peer(), new Call(7, new CallOptions(50L, false, true, false, Map.of()),
                    "com.example.upload", Payload.of("a")), false);
            Invocation first = callee.take(Invocation.class);

            loop.advance(Duration.ofMillis(60));
            assertThat(caller.take(Error.class).error()).isEqualTo(ErrorUris.TIMEOUT);
            assertThat(callee.take(Interrupt.class).requestId()).isEqualTo(first.requestId());
            dealer.call(caller.peer(), new Call(7, MORE, "com.example.upload", Payload.of("b")), false);
            dealer.call(caller.peer(), new Call(7, CallOptions.DEFAULT, "com.example.upload", Payload.of("c")),
                    false);

            callee.assertNothingMore();
            caller.assertNothingMore();
        }
    }

    /**
     * The chunks of a progressive call invocation still due when the caller's side ended (refused, timed out,
     * canceled, answered early) are dropped up to the final one, without counting as pending calls.
     */
    @Nested
    class LeftoverChunks {

        private static final CallOptions MORE = new CallOptions(null, false, true, false, Map.of());
        private static final CallOptions MORE_WITHIN_50_MS = new CallOptions(50L, false, true, false, Map.of());

        private final RecordingPeer callee = RecordingPeer.client("callee", INVOCATIONS, CANCELING);
        private final RecordingPeer caller = RecordingPeer.client("caller");

        private void send(long requestId, CallOptions options, String procedure, Object chunk) {
            dealer.call(caller.peer(), new Call(requestId, options, procedure, Payload.of(chunk)), false);
        }

        private Error error(long requestId, String uri) {
            Error error = caller.take(Error.class);
            assertThat(error.requestId()).isEqualTo(requestId);
            assertThat(error.error()).isEqualTo(uri);
            return error;
        }

        @Test
        void progressiveCallsThatNeverSendTheirFinalChunkDoNotUseUpThePendingCallsLimit() {
            dealer = dealer(new DealerSettings(Duration.ofMinutes(5), Duration.ofHours(1), Map.of(), 2));
            register(callee, "com.example.upload");
            RecordingPeer busyCallee = RecordingPeer.client("busy", INVOCATIONS, CANCELING);
            register(busyCallee, "com.example.busy", shared(InvocationPolicy.SINGLE, 1));
            call(RecordingPeer.client("other"), "com.example.busy");
            busyCallee.take(Invocation.class);

            for (int round = 0; round < 3; round++) {
                long refused = ++requests;
                send(refused, MORE, "com.example.busy", "a");
                error(refused, ErrorUris.MAX_CONCURRENCY_REACHED);

                long timedOut = ++requests;
                send(timedOut, MORE_WITHIN_50_MS, "com.example.upload", "a");
                callee.take(Invocation.class);
                loop.advance(Duration.ofMillis(60));
                error(timedOut, ErrorUris.TIMEOUT);
                callee.take(Interrupt.class);

                long canceled = ++requests;
                send(canceled, MORE, "com.example.upload", "a");
                callee.take(Invocation.class);
                dealer.cancel(caller.peer(), new Cancel(canceled, new CancelOptions(CancelMode.KILLNOWAIT, Map.of())));
                error(canceled, ErrorUris.CANCELED);
                callee.take(Interrupt.class);

                long answeredEarly = ++requests;
                send(answeredEarly, MORE, "com.example.upload", "a");
                yieldResult(callee, callee.take(Invocation.class), "enough");
                assertThat(caller.take(Result.class).requestId()).isEqualTo(answeredEarly);
            }

            long first = call(caller, "com.example.upload", CallOptions.DEFAULT, Payload.of("first"));
            call(caller, "com.example.upload", CallOptions.DEFAULT, Payload.of("second"));
            Invocation firstInvocation = callee.take(Invocation.class);
            assertThat(firstInvocation.payload()).as("12 leftovers, yet room for 2 calls").isEqualTo(Payload.of("first"));
            assertThat(callee.take(Invocation.class).payload()).isEqualTo(Payload.of("second"));
            long third = call(caller, "com.example.upload");
            error(third, Dealer.TOO_MANY_PENDING_CALLS);
            yieldResult(callee, firstInvocation, "done");
            assertThat(caller.take(Result.class).requestId()).isEqualTo(first);
            callee.assertNothingMore();
            caller.assertNothingMore();
        }

        @Test
        void theRestOfACallAnsweredEarlyIsDroppedUpToItsFinalChunkAfterWhichTheRequestIdIsFree() {
            register(callee, "com.example.upload");
            send(7, MORE, "com.example.upload", "a");
            Invocation first = callee.take(Invocation.class);
            yieldResult(callee, first, "enough");
            assertThat(caller.take(Result.class).requestId()).isEqualTo(7);

            send(7, MORE, "com.example.upload", "b");
            send(7, CallOptions.DEFAULT, "com.example.upload", "c");
            callee.assertNothingMore();
            caller.assertNothingMore();

            send(7, CallOptions.DEFAULT, "com.example.upload", "new");
            Invocation next = callee.take(Invocation.class);
            assertThat(next.payload()).as("a new call after the final chunk").isEqualTo(Payload.of("new"));
            assertThat(next.requestId()).isNotEqualTo(first.requestId());
        }

        @Test
        void laterChunksOfACallRefusedWithNoSuchProcedureReachNoCalleeRegisteredAfterwards() {
            send(7, MORE, "com.example.upload", "a");
            error(7, ErrorUris.NO_SUCH_PROCEDURE);
            register(callee, "com.example.upload");

            send(7, MORE, "com.example.upload", "b");
            send(7, MORE, "com.example.upload", "c");
            send(7, CallOptions.DEFAULT, "com.example.upload", "d");

            callee.assertNothingMore();
            caller.assertNothingMore();
            send(7, CallOptions.DEFAULT, "com.example.upload", "new");
            assertThat(callee.take(Invocation.class).payload()).as("the request id is free after the final chunk")
                    .isEqualTo(Payload.of("new"));
        }

        @Test
        void laterChunksOfACallRefusedForTooManyPendingCallsStartNoCallOnceThereIsRoom() {
            dealer = dealer(new DealerSettings(Duration.ofMinutes(5), Duration.ofHours(1), Map.of(), 1));
            RecordingPeer other = RecordingPeer.client("other");
            register(other, "com.example.other");
            long open = call(caller, "com.example.other");
            Invocation running = other.take(Invocation.class);

            send(7, MORE, "com.example.upload", "a");
            error(7, Dealer.TOO_MANY_PENDING_CALLS);
            register(callee, "com.example.upload");
            yieldResult(other, running, "done");
            assertThat(caller.take(Result.class).requestId()).isEqualTo(open);
            send(7, MORE, "com.example.upload", "b");
            send(7, CallOptions.DEFAULT, "com.example.upload", "c");

            callee.assertNothingMore();
            caller.assertNothingMore();
            call(caller, "com.example.upload", CallOptions.DEFAULT, Payload.of("next"));
            assertThat(callee.take(Invocation.class).payload()).as("no leftover holds the only pending call")
                    .isEqualTo(Payload.of("next"));
        }

        @Test
        void aFinalChunkAfterTheLeftoverExpiredIsAnOrdinaryNewCall() {
            register(callee, "com.example.upload");
            send(7, MORE_WITHIN_50_MS, "com.example.upload", "a");
            callee.take(Invocation.class);
            loop.advance(Duration.ofMillis(60));
            error(7, ErrorUris.TIMEOUT);
            callee.take(Interrupt.class);

            loop.advance(Duration.ofSeconds(59));
            send(7, MORE, "com.example.upload", "b");
            callee.assertNothingMore();
            caller.assertNothingMore();

            loop.advance(Duration.ofSeconds(1));
            send(7, CallOptions.DEFAULT, "com.example.upload", "last");
            Invocation late = callee.take(Invocation.class);
            assertThat(late.payload()).as("discarded for at least 60 s, then a CALL like any other")
                    .isEqualTo(Payload.of("last"));
            assertThat(late.details().progress()).isFalse();
            yieldResult(callee, late, "ok");
            Result result = caller.take(Result.class);
            assertThat(result.requestId()).isEqualTo(7);
            assertThat(result.payload()).isEqualTo(Payload.of("ok"));
        }

        @Test
        void aLeftoverOfACallWithALongerTimeoutIsDiscardedForThatLong() {
            send(7, new CallOptions(120_000L, false, true, false, Map.of()), "com.example.upload", "a");
            error(7, ErrorUris.NO_SUCH_PROCEDURE);
            register(callee, "com.example.upload");

            loop.advance(Duration.ofSeconds(119));
            send(7, MORE, "com.example.upload", "b");
            callee.assertNothingMore();
            loop.advance(Duration.ofSeconds(1));
            send(7, MORE, "com.example.upload", "c");
            assertThat(callee.take(Invocation.class).payload()).as("expired: a new call")
                    .isEqualTo(Payload.of("c"));
        }

        @Test
        void beyondTheCapPerSessionTheOldestLeftoverIsForgottenFirst() {
            long firstId = requests + 1;
            for (int i = 0; i <= Invocations.MAX_DISCARDING_PER_SESSION; i++) {
                long id = ++requests;
                send(id, MORE, "com.example.upload", "a");
                error(id, ErrorUris.NO_SUCH_PROCEDURE);
            }
            register(callee, "com.example.upload");

            send(firstId + 1, CallOptions.DEFAULT, "com.example.upload", "dropped");
            callee.assertNothingMore();
            send(firstId, CallOptions.DEFAULT, "com.example.upload", "forgotten");
            assertThat(callee.take(Invocation.class).payload()).isEqualTo(Payload.of("forgotten"));
        }

        @Test
        void theLeftoversOfASessionEndWhenItLeaves() {
            send(7, MORE, "com.example.upload", "a");
            error(7, ErrorUris.NO_SUCH_PROCEDURE);
            register(callee, "com.example.upload");
            send(8, MORE, "com.example.upload", "a");
            Invocation running = callee.take(Invocation.class);
            yieldResult(callee, running, "enough");
            caller.take(Result.class);

            dealer.leave(caller.sessionId());

            assertThat(loop.pendingTimers()).as("no expiry outlives the session").isZero();
        }
    }

    @Nested
    class Canceling {

        private RecordingPeer callee;
        private RecordingPeer caller;
        private long request;

        private void start(String... features) {
            callee = RecordingPeer.client("callee", features);
            caller = RecordingPeer.client("caller");
            register(callee, "com.example.slow");
            request = call(caller, "com.example.slow");
        }

        private void cancel(CancelMode mode) {
            dealer.cancel(caller.peer(), new Cancel(request, new CancelOptions(mode, Map.of())));
        }

        @Test
        void skipAnswersTheCallerAtOnceAndDiscardsTheLaterResult() {
            start(CANCELING);
            Invocation invocation = callee.take(Invocation.class);
            cancel(CancelMode.SKIP);
            assertThat(caller.take(Error.class).error()).isEqualTo(ErrorUris.CANCELED);
            callee.assertNothingMore();
            yieldResult(callee, invocation, "late");
            caller.assertNothingMore();
        }

        @Test
        void killInterruptsTheCalleeAndPassesOnItsAnswer() {
            start(CANCELING);
            Invocation invocation = callee.take(Invocation.class);
            cancel(CancelMode.KILL);
            Interrupt interrupt = callee.take(Interrupt.class);
            assertThat(interrupt.requestId()).isEqualTo(invocation.requestId());
            assertThat(interrupt.options().mode()).isEqualTo(CancelMode.KILL);
            caller.assertNothingMore();
            dealer.error(callee.peer(), new Error(Invocation.TYPE, invocation.requestId(), Map.of(),
                    ErrorUris.CANCELED, Payload.EMPTY));
            assertThat(caller.take(Error.class).error()).isEqualTo(ErrorUris.CANCELED);
        }

        @Test
        void killNoWaitInterruptsTheCalleeAndAnswersTheCallerAtOnce() {
            start(CANCELING);
            Invocation invocation = callee.take(Invocation.class);
            cancel(CancelMode.KILLNOWAIT);
            assertThat(caller.take(Error.class).error()).isEqualTo(ErrorUris.CANCELED);
            assertThat(callee.take(Interrupt.class).options().mode()).isEqualTo(CancelMode.KILLNOWAIT);
            dealer.error(callee.peer(), new Error(Invocation.TYPE, invocation.requestId(), Map.of(),
                    ErrorUris.CANCELED, Payload.EMPTY));
            caller.assertNothingMore();
        }

        @Test
        void aCalleeWithoutCancelSupportIsNeverInterrupted() {
            start();
            callee.take(Invocation.class);
            cancel(CancelMode.KILL);
            assertThat(caller.take(Error.class).error()).isEqualTo(ErrorUris.CANCELED);
            callee.assertNothingMore();
        }
        @Test
        void skipKeepsTheCalleesSlotUntilItsLateYieldWhichIsDiscarded() {
            callee = RecordingPeer.client("callee", CANCELING);
            caller = RecordingPeer.client("caller");
            register(callee, "com.example.slow", shared(InvocationPolicy.SINGLE, 1));
            request = call(caller, "com.example.slow");
            Invocation invocation = callee.take(Invocation.class);

            cancel(CancelMode.SKIP);
            assertThat(caller.take(Error.class).error()).isEqualTo(ErrorUris.CANCELED);
            long whileBusy = call(caller, "com.example.slow");
            Error busy = caller.take(Error.class);
            assertThat(busy.requestId()).isEqualTo(whileBusy);
            assertThat(busy.error()).as("the callee still runs the skipped invocation")
                    .isEqualTo(ErrorUris.MAX_CONCURRENCY_REACHED);

            yieldResult(callee, invocation, "late");
            caller.assertNothingMore();
            long next = call(caller, "com.example.slow", CallOptions.DEFAULT, Payload.of("next"));
            Invocation nextInvocation = callee.take(Invocation.class);
            assertThat(nextInvocation.payload()).isEqualTo(Payload.of("next"));
            yieldResult(callee, nextInvocation, "in time");
            Result result = caller.take(Result.class);
            assertThat(result.requestId()).isEqualTo(next);
            assertThat(result.payload()).isEqualTo(Payload.of("in time"));
        }

        @Test
        void killEndsWithTheCalleesErrorWhichFreesTheSlotAndLaterAnswersAreDiscarded() {
            callee = RecordingPeer.client("callee", CANCELING);
            caller = RecordingPeer.client("caller");
            register(callee, "com.example.slow", shared(InvocationPolicy.SINGLE, 1));
            request = call(caller, "com.example.slow");
            Invocation invocation = callee.take(Invocation.class);

            cancel(CancelMode.KILL);
            callee.take(Interrupt.class);
            dealer.error(callee.peer(), new Error(Invocation.TYPE, invocation.requestId(), Map.of("at", 3L),
                    ErrorUris.CANCELED, Payload.of("stopped")));

            Error error = caller.take(Error.class);
            assertThat(error.requestId()).isEqualTo(request);
            assertThat(error.error()).isEqualTo(ErrorUris.CANCELED);
            assertThat(error.details()).containsEntry("at", 3L);
            assertThat(error.payload()).isEqualTo(Payload.of("stopped"));
            yieldResult(callee, invocation, "after its error");
            caller.assertNothingMore();
            call(caller, "com.example.slow", CallOptions.DEFAULT, Payload.of("next"));
            assertThat(callee.take(Invocation.class).payload()).as("the slot is free again")
                    .isEqualTo(Payload.of("next"));
        }
    }

    @Nested
    class Departures {

        @Test
        void whenTheCalleeLeavesEveryWaitingCallerGetsCanceled() {
            RecordingPeer callee = RecordingPeer.client("callee");
            register(callee, "com.example.p", shared(InvocationPolicy.ROUNDROBIN, null));
            RecordingPeer first = RecordingPeer.client("first");
            RecordingPeer second = RecordingPeer.client("second");
            call(first, "com.example.p");
            call(second, "com.example.p");
            dealer.leave(callee.sessionId());
            assertThat(first.take(Error.class).error()).isEqualTo(ErrorUris.CANCELED);
            assertThat(second.take(Error.class).error()).isEqualTo(ErrorUris.CANCELED);
            assertThat(dealer.match("com.example.p")).isNull();
            assertThat(loop.pendingTimers()).isZero();
        }

        @Test
        void whenTheCallerLeavesTheCalleeIsInterrupted() {
            RecordingPeer callee = RecordingPeer.client("callee", CANCELING);
            register(callee, "com.example.p", shared(InvocationPolicy.SINGLE, 1));
            RecordingPeer caller = RecordingPeer.client("caller");
            call(caller, "com.example.p");
            Invocation invocation = callee.take(Invocation.class);
            dealer.leave(caller.sessionId());
            Interrupt interrupt = callee.take(Interrupt.class);
            assertThat(interrupt.requestId()).isEqualTo(invocation.requestId());
            call(RecordingPeer.client("next"), "com.example.p");
            callee.take(Invocation.class);
        }

        @Test
        void unregisteringSomethingNotRegisteredFails() {
            RecordingPeer peer = RecordingPeer.client("p");
            dealer.unregister(peer.peer(), new Unregister(5, 12345));
            assertThat(peer.take(Error.class).error()).isEqualTo(ErrorUris.NO_SUCH_REGISTRATION);
        }

        @Test
        void unregisteringTheLastCalleeDeletesTheRegistration() {
            RecordingPeer callee = RecordingPeer.client("callee");
            long id = register(callee, "com.example.p");
            dealer.unregister(callee.peer(), new Unregister(5, id));
            assertThat(callee.take(Unregistered.class).requestId()).isEqualTo(5);
            assertThat(dealer.get(id)).isNull();
        }
    }

    @Nested
    class Patterns {

        @Test
        void exactBeatsPrefixBeatsWildcardAndPatternInvocationsNameTheProcedure() {
            RecordingPeer exact = RecordingPeer.client("exact");
            RecordingPeer prefix = RecordingPeer.client("prefix");
            RecordingPeer wildcard = RecordingPeer.client("wildcard");
            register(exact, "com.example.a.b");
            register(prefix, "com.example.", new RegisterOptions(Match.PREFIX, InvocationPolicy.SINGLE, null, false,
                    false, Map.of()));
            register(wildcard, "com..a.b", new RegisterOptions(Match.WILDCARD, InvocationPolicy.SINGLE, null, false,
                    false, Map.of()));
            RecordingPeer caller = RecordingPeer.client("caller");
            call(caller, "com.example.a.b");
            call(caller, "com.example.z");
            call(caller, "com.other.a.b");
            assertThat(exact.take(Invocation.class).details().procedure()).isNull();
            assertThat(prefix.take(Invocation.class).details().procedure()).isEqualTo("com.example.z");
            assertThat(wildcard.take(Invocation.class).details().procedure()).isEqualTo("com.other.a.b");
        }
        @Test
        void theLongestPrefixWinsOverShorterPrefixesAndWildcardsButNotOverAnExactRegistration() {
            RegisterOptions prefix = new RegisterOptions(Match.PREFIX, InvocationPolicy.SINGLE, null, false, false,
                    Map.of());
            RegisterOptions wildcard = new RegisterOptions(Match.WILDCARD, InvocationPolicy.SINGLE, null, false,
                    false, Map.of());
            RecordingPeer exact = RecordingPeer.client("exact");
            RecordingPeer shortPrefix = RecordingPeer.client("short");
            RecordingPeer longPrefix = RecordingPeer.client("long");
            RecordingPeer anyMiddle = RecordingPeer.client("wildcard");
            register(shortPrefix, "com.example.", prefix);
            register(anyMiddle, "com..a.c", wildcard);
            register(longPrefix, "com.example.a.", prefix);
            register(exact, "com.example.a.b");
            RecordingPeer caller = RecordingPeer.client("caller");

            for (String procedure : List.of("com.example.a.b", "com.example.a.c", "com.example.z.c", "com.example.a",
                    "com.other.a.c")) {
                call(caller, procedure);
            }

            assertThat(exact.take(Invocation.class).details().procedure()).isNull();
            assertThat(longPrefix.take(Invocation.class).details().procedure()).as("also matched by both others")
                    .isEqualTo("com.example.a.c");
            assertThat(shortPrefix.take(Invocation.class).details().procedure()).isEqualTo("com.example.z.c");
            assertThat(shortPrefix.take(Invocation.class).details().procedure())
                    .as("shorter than the long prefix").isEqualTo("com.example.a");
            assertThat(anyMiddle.take(Invocation.class).details().procedure()).isEqualTo("com.other.a.c");
            List.of(exact, shortPrefix, longPrefix, anyMiddle, caller).forEach(RecordingPeer::assertNothingMore);
        }
    }

    @Test
    void theDefaultTimeoutAndTheMaximumApplyToEveryCall() {
        dealer = dealer(new DealerSettings(Duration.ofMillis(100), Duration.ofMillis(500), Map.of()));
        RecordingPeer callee = RecordingPeer.client("callee");
        register(callee, "com.example.p", shared(InvocationPolicy.ROUNDROBIN, null));
        RecordingPeer caller = RecordingPeer.client("caller");
        long noTimeout = call(caller, "com.example.p");
        long tooLong = call(caller, "com.example.p", timeout(10_000), Payload.EMPTY);
        loop.advance(Duration.ofMillis(150));
        assertThat(caller.take(Error.class).requestId()).isEqualTo(noTimeout);
        caller.assertNothingMore();
        loop.advance(Duration.ofMillis(400));
        Error capped = caller.take(Error.class);
        assertThat(capped.requestId()).isEqualTo(tooLong);
        assertThat(capped.error()).isEqualTo(ErrorUris.TIMEOUT);
    }
}

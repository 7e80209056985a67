package dev.switchboard.wamp.client;

import static dev.switchboard.wamp.client.Clients.await;
import static dev.switchboard.wamp.client.Clients.eventually;
import static dev.switchboard.wamp.client.Clients.wampFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.Match;
import dev.switchboard.wamp.client.router.RouterProcess;
import dev.switchboard.wamp.client.router.SharedRouter;
import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.CancelMode;
import dev.switchboard.wamp.message.InvocationPolicy;
import dev.switchboard.wamp.message.Payload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Caller and callee against the real router, over WebSocket with each serializer. */
@ParameterizedClass(name = "over {0}")
@EnumSource(Serialization.class)
@ExtendWith(SharedRouter.class)
class RpcIT {

    @Parameter
    Serialization serialization;

    private Clients clients;

    @BeforeEach
    void openClients(RouterProcess router, TestInfo test) {
        clients = new Clients(router, serialization, test.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void closeClients() {
        clients.close();
    }

    @Test
    void callReturnsWhatTheCalleeYields() {
        WampClient callee = clients.connect();
        WampClient caller = clients.connect();
        String echo = clients.uri("echo");
        await(callee.register(echo, invocation -> invocation.arguments()));
        Map<String, Object> kwargs = new LinkedHashMap<>();
        kwargs.put("nested", Map.of("list", List.of(1L, "two", 3.5)));
        kwargs.put("nothing", null);
        kwargs.put("unicode", "Grüße, 世界");
        List<Object> args = Arrays.asList(1L << 53, -7L, 0.25, true, null, "text", new byte[] {0, 1, (byte) 0xff});

        CallResult result = await(caller.call(echo, Payload.of(args, kwargs)));

        assertThat(result.args()).hasSize(args.size());
        assertThat(result.args().subList(0, 6)).containsExactly(1L << 53, -7L, 0.25, true, null, "text");
        assertThat((byte[]) result.arg(6)).containsExactly(0, 1, 0xff);
        assertThat(result.kwargs()).isEqualTo(kwargs);
        assertThat(result.progress()).isFalse();
    }

    @Test
    void applicationErrorReachesTheCallerWithItsUriArgsAndKwargs() {
        WampClient callee = clients.connect();
        WampClient caller = clients.connect();
        String procedure = clients.uri("refuse");
        await(callee.register(procedure, invocation -> {
            throw new WampException("com.example.error.refused", List.of("no", 42L), Map.of("why", "because"));
        }));

        WampException error = wampFailure(caller.call(procedure, Payload.EMPTY));

        assertThat(error.error()).isEqualTo("com.example.error.refused");
        assertThat(error.args()).containsExactly("no", 42L);
        assertThat(error.kwargs()).containsExactly(Map.entry("why", "because"));
    }

    @Test
    void unexpectedHandlerExceptionIsAnsweredWithRuntimeError() {
        WampClient callee = clients.connect();
        WampClient caller = clients.connect();
        String procedure = clients.uri("broken");
        await(callee.register(procedure, invocation -> {
            throw new IllegalStateException("out of order");
        }));

        WampException error = wampFailure(caller.call(procedure, Payload.EMPTY));

        assertThat(error.error()).isEqualTo("wamp.error.runtime_error");
        assertThat(error.args().getFirst()).asString().contains("out of order");
    }

    @Test
    void callToAProcedureNobodyRegisteredFailsWithNoSuchProcedure() {
        WampClient caller = clients.connect();

        assertThat(wampFailure(caller.call(clients.uri("missing"), Payload.EMPTY)).error())
                .isEqualTo(ErrorUris.NO_SUCH_PROCEDURE);
    }

    @Test
    void progressiveResultsReachTheListenerInOrderBeforeTheFinalResult() {
        WampClient callee = clients.connect();
        WampClient caller = clients.connect();
        String procedure = clients.uri("count");
        await(callee.register(procedure, invocation -> {
            assertThat(invocation.receivesProgress()).isTrue();
            for (long i = 1; i <= 5; i++) {
                invocation.sendProgress(Payload.of(i));
            }
            return Payload.of("done");
        }));
        List<Object> seen = new CopyOnWriteArrayList<>();

        CallResult result = await(caller.call(procedure, Payload.EMPTY, CallOptions.DEFAULT, progress -> {
            assertThat(progress.progress()).isTrue();
            seen.add(progress.arg(0));
        }));

        assertThat(result.arg(0)).isEqualTo("done");
        assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void progressiveCallInvocationDeliversEveryChunkInOrder() {
        WampClient callee = clients.connect();
        WampClient caller = clients.connect();
        String procedure = clients.uri("sum");
        await(callee.register(procedure, invocation -> {
            List<Object> chunks = new ArrayList<>(invocation.args());
            while (invocation.hasMoreChunks()) {
                chunks.addAll(invocation.nextChunk().args());
            }
            return Payload.of(chunks, Map.of());
        }));

        ProgressiveCall call = caller.callProgressive(procedure, Payload.of(1L), CallOptions.DEFAULT, null);
        call.send(Payload.of(2L));
        call.send(Payload.of(3L));
        call.end(Payload.of(4L));

        assertThat(await(call.result()).args()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void cancelInterruptsTheCalleeAndCancelsTheCall() throws InterruptedException {
        WampClient callee = clients.connect();
        WampClient caller = clients.connect();
        String procedure = clients.uri("slow");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(2);
        AtomicReference<IncomingInvocation> running = new AtomicReference<>();
        await(callee.register(procedure, invocation -> {
            running.set(invocation);
            invocation.onInterrupt(interrupted::countDown);
            started.countDown();
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                interrupted.countDown(); // the handler's thread is interrupted too
            }
            return Payload.of("too late");
        }));
        CallFuture call = caller.call(procedure, Payload.EMPTY);
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(call.cancel(CancelMode.KILL)).isTrue();

        assertThat(call).isCancelled();
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(running.get().isInterrupted()).isTrue();
        assertThat(running.get().interruptMode()).isEqualTo(CancelMode.KILL);
    }

    @Test
    void cancelInSkipModeLeavesTheCalleeRunning() throws InterruptedException {
        WampClient callee = clients.connect();
        WampClient caller = clients.connect();
        String procedure = clients.uri("slow");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        await(callee.register(procedure, invocation -> {
            started.countDown();
            Thread.sleep(300);
            interrupted.set(invocation.isInterrupted());
            finished.countDown();
            return Payload.EMPTY;
        }));
        CallFuture call = caller.call(procedure, Payload.EMPTY);
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(call.cancel(CancelMode.SKIP)).isTrue();

        assertThat(call).isCancelled();
        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(interrupted).isFalse();
    }

    @Test
    void timeoutFailsTheCallWithTimeoutAndInterruptsTheCallee() throws InterruptedException {
        WampClient callee = clients.connect();
        WampClient caller = clients.connect();
        String procedure = clients.uri("slow");
        CountDownLatch interrupted = new CountDownLatch(1);
        await(callee.register(procedure, invocation -> {
            assertThat(invocation.details().timeout()).isEqualTo(200L);
            invocation.onInterrupt(interrupted::countDown);
            Thread.sleep(30_000);
            return Payload.EMPTY;
        }));

        WampException error = wampFailure(caller.call(procedure, Payload.EMPTY,
                WampOptions.call().timeout(Duration.ofMillis(200)).build()));

        assertThat(error.error()).isEqualTo(ErrorUris.TIMEOUT);
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void discloseMeTellsTheCalleeWhoCalls() {
        WampClient callee = clients.connect();
        WampClient caller = clients.connect(builder -> builder.authid("carol"));
        String procedure = clients.uri("who");
        await(callee.register(procedure, invocation -> Payload.of(invocation.details().caller(),
                invocation.details().callerAuthid())));

        CallResult disclosed = await(caller.call(procedure, Payload.EMPTY, WampOptions.call().discloseMe().build()));
        CallResult hidden = await(caller.call(procedure, Payload.EMPTY));

        assertThat(disclosed.args()).containsExactly(caller.session().sessionId(), "carol");
        assertThat(hidden.args()).containsExactly(null, null);
    }

    @Test
    void prefixRegistrationReceivesCallsUnderItWithTheConcreteProcedure() {
        WampClient callee = clients.connect();
        WampClient caller = clients.connect();
        await(callee.register(clients.uri("files"), WampOptions.register().match(Match.PREFIX).build(),
                invocation -> Payload.of(invocation.procedure())));

        assertThat(await(caller.call(clients.uri("files.read"), Payload.EMPTY)).arg(0))
                .isEqualTo(clients.uri("files.read"));
    }

    @Test
    void wildcardRegistrationReceivesMatchingCallsWithTheConcreteProcedure() {
        WampClient callee = clients.connect();
        WampClient caller = clients.connect();
        await(callee.register(clients.uri("devices..status"), WampOptions.register().match(Match.WILDCARD).build(),
                invocation -> Payload.of(invocation.procedure())));

        assertThat(await(caller.call(clients.uri("devices.lamp.status"), Payload.EMPTY)).arg(0))
                .isEqualTo(clients.uri("devices.lamp.status"));
    }

    @Test
    void sharedRoundRobinRegistrationTakesTurnsBetweenCallees() {
        String procedure = clients.uri("shared");
        var roundRobin = WampOptions.register().invoke(InvocationPolicy.ROUNDROBIN).build();
        WampClient first = clients.connect();
        WampClient second = clients.connect();
        await(first.register(procedure, roundRobin, invocation -> Payload.of("first")));
        await(second.register(procedure, roundRobin, invocation -> Payload.of("second")));
        WampClient caller = clients.connect();

        List<Object> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(await(caller.call(procedure, Payload.EMPTY)).arg(0));
        }

        assertThat(answers).containsExactly("first", "second", "first", "second");
    }

    @Test
    void concurrencyLimitRefusesCallsBeyondIt() throws InterruptedException {
        WampClient callee = clients.connect();
        WampClient caller = clients.connect();
        String procedure = clients.uri("single_lane");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        await(callee.register(procedure, WampOptions.register().concurrency(1).build(), invocation -> {
            started.countDown();
            release.await();
            return Payload.of("ok");
        }));
        CallFuture first = caller.call(procedure, Payload.EMPTY);
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        WampException refused = wampFailure(caller.call(procedure, Payload.EMPTY));
        release.countDown();

        assertThat(refused.error()).isEqualTo(ErrorUris.MAX_CONCURRENCY_REACHED);
        assertThat(await(first).arg(0)).isEqualTo("ok");
        assertThat(await(caller.call(procedure, Payload.EMPTY)).arg(0)).isEqualTo("ok");
    }

    @Test
    void secondSingleRegistrationIsRefusedWithProcedureAlreadyExists() {
        String procedure = clients.uri("taken");
        await(clients.connect().register(procedure, invocation -> Payload.EMPTY));

        WampException refused = wampFailure(clients.connect().register(procedure, invocation -> Payload.EMPTY));

        assertThat(refused.error()).isEqualTo(ErrorUris.PROCEDURE_ALREADY_EXISTS);
    }

    @Test
    void forceReregisterTakesTheRegistrationOverAndRevokesTheFormerHolder() throws InterruptedException {
        String procedure = clients.uri("takeover");
        Registration former = await(clients.connect().register(procedure, invocation -> Payload.of("former")));
        WampClient successor = clients.connect();

        await(successor.register(procedure, WampOptions.register().forceReregister().build(),
                invocation -> Payload.of("successor")));

        eventually(() -> !former.isActive());
        assertThat(await(clients.connect().call(procedure, Payload.EMPTY)).arg(0)).isEqualTo("successor");
    }

    @Test
    void unregisterEndsTheRegistration() {
        WampClient callee = clients.connect();
        WampClient caller = clients.connect();
        String procedure = clients.uri("brief");
        Registration registration = await(callee.register(procedure, invocation -> Payload.EMPTY));
        await(caller.call(procedure, Payload.EMPTY));

        await(registration.unregister());

        assertThat(registration.isActive()).isFalse();
        assertThat(wampFailure(caller.call(procedure, Payload.EMPTY)).error()).isEqualTo(ErrorUris.NO_SUCH_PROCEDURE);
    }

    @Test
    void blockedHandlersDoNotHoldUpTheTransport() {
        WampClient callee = clients.connect();
        WampClient caller = clients.connect();
        CountDownLatch open = new CountDownLatch(1);
        await(callee.register(clients.uri("wait"), invocation -> {
            open.await();
            return Payload.of("waited");
        }));
        await(callee.register(clients.uri("open"), invocation -> {
            open.countDown();
            return Payload.of("opened");
        }));

        CallFuture waiting = caller.call(clients.uri("wait"), Payload.EMPTY);
        // answered while the first handler blocks: the callee's transport keeps reading
        assertThat(await(caller.call(clients.uri("open"), Payload.EMPTY)).arg(0)).isEqualTo("opened");
        assertThat(await(waiting).arg(0)).isEqualTo("waited");
    }

    @Test
    void pendingCallFailsWithCanceledWhenTheCalleeDisconnects() throws InterruptedException {
        WampClient callee = clients.connect();
        WampClient caller = clients.connect();
        String procedure = clients.uri("vanishing");
        CountDownLatch started = new CountDownLatch(1);
        await(callee.register(procedure, invocation -> {
            started.countDown();
            Thread.sleep(30_000);
            return Payload.EMPTY;
        }));
        CallFuture call = caller.call(procedure, Payload.EMPTY);
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        callee.close();

        assertThat(wampFailure(call).error()).isEqualTo(ErrorUris.CANCELED);
    }
}

package dev.switchboard.router.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.router.realm.Realm;
import dev.switchboard.router.realm.RealmRegistry;
import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.message.Call;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.Event;
import dev.switchboard.wamp.message.EventDetails;
import dev.switchboard.wamp.message.Invocation;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Publish;
import dev.switchboard.wamp.message.PublishOptions;
import dev.switchboard.wamp.message.Published;
import dev.switchboard.wamp.message.RegisterOptions;
import dev.switchboard.wamp.message.Result;
import dev.switchboard.wamp.message.ResultDetails;
import dev.switchboard.wamp.message.SubscribeOptions;
import dev.switchboard.wamp.message.Yield;
import dev.switchboard.wamp.message.YieldOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * {@value #FRAMES} mutated frames, thrown at the running router over many short-lived connections (see
 * {@link Fuzzer}), must leave it as it was: fresh sessions still call and publish, every router thread still runs,
 * nothing was logged as an error (a failed routing task, a session layer that threw, a leaked Netty buffer), every
 * session and connection is gone, and the heap has not grown.
 */
class RouterFuzzTests extends RunningRouter {

    static final int FRAMES = 100_000;
    static final long SEED = 0x5EED_F00DL;
    /** How much the heap, after garbage collection, may grow while the frames are thrown. */
    static final long MAX_HEAP_GROWTH = 16L << 20;

    @Autowired
    RealmRegistry realms;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ReactorResourceFactory resources;

    @Test
    void mutatedFramesLeaveTheRouterWorkingWithNothingLeakedAndNothingBroken() throws Exception {
        FuzzSeeds seeds = new FuzzSeeds();
        int sessionsBefore = sessions.count();
        Realm realm = realms.find(TestClient.REALM);
        int membersBefore = realm.size();
        double connectionsBefore = connections();
        // a warm-up round first, so that lazily made things (pools, caches, classes) exist before the baseline
        new Fuzzer(seeds, endpoints(), SEED - 1).run(FRAMES / 20, Duration.ofSeconds(60));
        awaitAllGone(sessionsBefore, membersBefore, connectionsBefore);
        Set<Thread> routerThreads = routerThreads();
        long heapBefore = usedHeapAfterGc();

        Map<String, Double> receivedBefore = received();
        Fuzzer.Stats stats;
        try (ErrorLog errors = ErrorLog.capture()) {
            long start = System.nanoTime();
            stats = new Fuzzer(seeds, endpoints(), SEED).run(FRAMES, Duration.ofSeconds(120));
            long elapsed = System.nanoTime() - start;
            awaitAllGone(sessionsBefore, membersBefore, connectionsBefore);
            long heapAfter = usedHeapAfterGc();
            System.out.printf("Fuzzer: %d frames (%d bytes) over %d RawSocket and %d WebSocket connections in %d ms;"
                            + " %.0f protocol violations counted; heap after GC %d KiB before, %d KiB after;"
                            + " %d router threads watched%n",
                    stats.frames(), stats.bytes(), stats.rawSocketConnections(), stats.webSocketConnections(),
                    elapsed / 1_000_000, violations(), heapBefore >> 10, heapAfter >> 10, routerThreads.size());
            Map<String, Double> receivedAfter = received();
            System.out.println("Fuzzer: messages the sessions received, by type: " + receivedAfter.keySet().stream()
                    .map(type -> type + " " + Math.round(receivedAfter.get(type)
                            - receivedBefore.getOrDefault(type, 0.0)))
                    .collect(Collectors.joining(", ")));

            callAndPublish(Transport.RAWSOCKET, Serialization.MSGPACK);
            callAndPublish(Transport.WEBSOCKET, Serialization.JSON);
            callAndPublish(Transport.RAWSOCKET, Serialization.CBOR);

            assertThat(stats.frames()).isEqualTo(FRAMES);
            assertThat(routerThreads).as("router threads (realm loop, event loops)").hasSizeGreaterThan(1)
                    .allSatisfy(thread -> assertThat(thread.isAlive()).as("%s alive", thread.getName()).isTrue());
            assertThat(routerThreads()).as("the threads that route now").isEqualTo(routerThreads);
            assertThat(errors.messages()).as("errors logged").isEmpty();
            assertThat(heapAfter - heapBefore).as("heap growth in bytes").isLessThan(MAX_HEAP_GROWTH);
        }
    }

    /** A fresh pair of sessions still registers, calls, subscribes and publishes. */
    private void callAndPublish(Transport transport, Serialization serialization) {
        TestClient callee = join(transport, serialization);
        TestClient caller = join(transport, serialization);
        String procedure = unique("fuzz.after.echo");
        String topic = unique("fuzz.after.news");
        callee.register(procedure, RegisterOptions.DEFAULT);
        long subscription = callee.subscribe(topic, SubscribeOptions.DEFAULT);

        long request = caller.nextRequestId();
        caller.send(new Call(request, CallOptions.DEFAULT, procedure, Payload.of("ping")));
        Invocation invocation = callee.expect(Invocation.class);
        callee.send(new Yield(invocation.requestId(), YieldOptions.DEFAULT, invocation.payload()));
        assertThat(caller.expect(Result.class)).isEqualTo(new Result(request, ResultDetails.DEFAULT,
                Payload.of("ping")));
        long publication = caller.nextRequestId();
        caller.send(new Publish(publication, new PublishOptions(true, true, List.of(), List.of(), List.of(), null,
                null, null, false, false, Map.of()), topic, Payload.of("news")));
        long published = caller.expect(Published.class).publicationId();
        assertThat(callee.expect(Event.class)).isEqualTo(new Event(subscription, published, EventDetails.DEFAULT,
                Payload.of("news")));

        caller.leave();
        callee.leave();
    }

    private void awaitAllGone(int sessionsBefore, int membersBefore, double connectionsBefore) {
        Realm realm = realms.find(TestClient.REALM);
        await("every fuzzing session and connection to be gone").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> {
                    assertThat(sessions.count()).as("sessions").isEqualTo(sessionsBefore);
                    assertThat(realm.size()).as("members of the realm (wamp.sessions)").isEqualTo(membersBefore);
                    assertThat(connections()).as("open connections").isEqualTo(connectionsBefore);
                    assertThat(realm.loop().backlog()).as("routing loop backlog").isZero();
                });
    }

    private double connections() {
        return meters.get("wamp.transport.connections").gauges().stream()
                .mapToDouble(gauge -> gauge.value()).sum();
    }

    private double violations() {
        return meters.get("wamp.transport.protocol.violations").counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }

    /** WAMP messages the session layer received so far, by type ({@code wamp.messages}, if it is there). */
    private Map<String, Double> received() {
        return meters.find("wamp.messages").tag("direction", "in").counters().stream()
                .filter(counter -> counter.count() > 0)
                .collect(Collectors.toMap(counter -> counter.getId().getTag("type"), counter -> counter.count(),
                        Double::sum, java.util.TreeMap::new));
    }

    /** The threads that route: the realm's loop and the event loops of the web server and the RawSocket server. */
    private Set<Thread> routerThreads() throws Exception {
        Set<Thread> threads = new HashSet<>();
        CompletableFuture<Thread> loop = new CompletableFuture<>();
        realms.find(TestClient.REALM).loop().execute(() -> loop.complete(Thread.currentThread()));
        threads.add(loop.get(5, TimeUnit.SECONDS));
        for (EventExecutor eventLoop : resources.getLoopResources().onServer(true)) {
            threads.add(eventLoop.submit(Thread::currentThread).get(5, TimeUnit.SECONDS));
        }
        return threads;
    }
}

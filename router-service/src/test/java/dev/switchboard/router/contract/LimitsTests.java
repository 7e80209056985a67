package dev.switchboard.router.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.Match;
import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.message.Call;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.Goodbye;
import dev.switchboard.wamp.message.Invocation;
import dev.switchboard.wamp.message.InvocationPolicy;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Publish;
import dev.switchboard.wamp.message.PublishOptions;
import dev.switchboard.wamp.message.Published;
import dev.switchboard.wamp.message.RegisterOptions;
import dev.switchboard.wamp.message.Result;
import dev.switchboard.wamp.message.Subscribe;
import dev.switchboard.wamp.message.SubscribeOptions;
import dev.switchboard.wamp.message.Unsubscribe;
import dev.switchboard.wamp.message.Unsubscribed;
import dev.switchboard.wamp.message.Yield;
import dev.switchboard.wamp.message.YieldOptions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code switchboard.router.limits.*} as clients meet them: the answer on the wire and the count on
 * {@code wamp.limits.exceeded}. One router with small limits; each test opens at most as many connections as one
 * address may have.
 */
@TestPropertySource(properties = {
        "switchboard.router.limits.messages-per-second=100",
        "switchboard.router.limits.message-burst=50",
        "switchboard.router.limits.pending-calls-per-session=3",
        "switchboard.router.limits.subscriptions-per-session=3",
        "switchboard.router.limits.connections-per-address=3"})
class LimitsTests extends RunningRouter {

    private static final Serialization SERIALIZATION = Serialization.MSGPACK;

    @Autowired
    private MeterRegistry meters;

    private double exceeded(String limit) {
        Counter counter = meters.find("wamp.limits.exceeded").tag("limit", limit).counter();
        return counter == null ? 0 : counter.count();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aSessionSendingFasterThanItsRateIsToldGoodbyeRateLimited(Transport transport) {
        double before = exceeded("messages-per-second");
        TestClient client = join(transport, SERIALIZATION);
        for (int i = 0; i < 200; i++) {
            client.send(new Publish(client.nextRequestId(), PublishOptions.DEFAULT, "com.example.flood",
                    Payload.EMPTY));
        }
        TestClient.Ending ending = client.awaitEnd();
        assertThat(ending.messages()).singleElement().isInstanceOfSatisfying(Goodbye.class, goodbye ->
                assertThat(goodbye.reason()).isEqualTo("switchboard.close.rate_limited"));
        assertThat(exceeded("messages-per-second")).isEqualTo(before + 1);
    }

    @Test
    void aSessionWithinItsRateStaysOpen() throws InterruptedException {
        TestClient client = join(Transport.WEBSOCKET, SERIALIZATION);
        PublishOptions acknowledged = new PublishOptions(true, true, List.of(), List.of(), List.of(), null, null,
                null, false, false, Map.of());
        for (int i = 0; i < 120; i++) { // 120 messages in about 2.4 s: 50 a second, half the rate
            client.send(new Publish(client.nextRequestId(), acknowledged, "com.example.steady", Payload.EMPTY));
            Thread.sleep(20);
        }
        for (int i = 0; i < 120; i++) {
            client.expect(Published.class);
        }
        client.leave();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aCallBeyondTheSessionsPendingCallsIsRefused(Transport transport) {
        double before = exceeded("pending-calls-per-session");
        String procedure = unique("com.example.slow");
        TestClient callee = join(transport, SERIALIZATION);
        callee.register(procedure, RegisterOptions.DEFAULT);
        TestClient caller = join(transport, SERIALIZATION);
        List<Long> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long request = caller.nextRequestId();
            calls.add(request);
            caller.send(new Call(request, CallOptions.DEFAULT, procedure, Payload.EMPTY));
        }
        List<Invocation> invocations = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            invocations.add(callee.expect(Invocation.class));
        }
        long refused = caller.nextRequestId();
        caller.send(new Call(refused, CallOptions.DEFAULT, procedure, Payload.EMPTY));
        caller.expectRouterError(Call.TYPE, refused, "switchboard.error.too_many_pending_calls");
        assertThat(exceeded("pending-calls-per-session")).isEqualTo(before + 1);

        // an answered call makes room for another
        callee.send(new Yield(invocations.getFirst().requestId(), YieldOptions.DEFAULT, Payload.of(1)));
        assertThat(caller.expect(Result.class).requestId()).isEqualTo(calls.getFirst());
        long next = caller.nextRequestId();
        caller.send(new Call(next, CallOptions.DEFAULT, procedure, Payload.EMPTY));
        assertThat(callee.expect(Invocation.class).registrationId()).isEqualTo(invocations.getFirst().registrationId());
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void progressiveCallsEndedBeforeTheirFinalChunkDoNotUseUpTheSessionsPendingCalls(Transport transport) {
        String upload = unique("com.example.upload");
        String busy = unique("com.example.busy");
        TestClient callee = join(transport, SERIALIZATION); // without progressive_call_invocations
        callee.register(upload, RegisterOptions.DEFAULT);
        callee.register(busy, new RegisterOptions(Match.EXACT, InvocationPolicy.SINGLE, 1, false, false, Map.of()));
        TestClient caller = join(transport, SERIALIZATION);
        long running = caller.nextRequestId();
        caller.send(new Call(running, CallOptions.DEFAULT, busy, Payload.EMPTY));
        Invocation busyInvocation = callee.expect(Invocation.class);
        CallOptions more = new CallOptions(null, false, true, false, Map.of());

        // first chunks only, as a client that stops streaming once it has its answer sends them: 2 x 4 > 3
        for (int i = 0; i < 4; i++) {
            long unsupported = caller.nextRequestId();
            caller.send(new Call(unsupported, more, upload, Payload.of("chunk")));
            caller.expectRouterError(Call.TYPE, unsupported, ErrorUris.FEATURE_NOT_SUPPORTED);
            long refused = caller.nextRequestId();
            caller.send(new Call(refused, more, busy, Payload.of("chunk")));
            caller.expectRouterError(Call.TYPE, refused, ErrorUris.MAX_CONCURRENCY_REACHED);
        }
        callee.send(new Yield(busyInvocation.requestId(), YieldOptions.DEFAULT, Payload.of(1)));
        assertThat(caller.expect(Result.class).requestId()).isEqualTo(running);

        for (long i = 0; i < 3; i++) {
            caller.send(new Call(caller.nextRequestId(), CallOptions.DEFAULT, upload, Payload.of(i)));
            assertThat(callee.expect(Invocation.class).payload()).isEqualTo(Payload.of(i));
        }
        long refused = caller.nextRequestId();
        caller.send(new Call(refused, CallOptions.DEFAULT, upload, Payload.EMPTY));
        caller.expectRouterError(Call.TYPE, refused, "switchboard.error.too_many_pending_calls");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aSubscriptionBeyondTheSessionsLimitIsRefused(Transport transport) {
        double before = exceeded("subscriptions-per-session");
        TestClient client = join(transport, SERIALIZATION);
        List<Long> subscriptions = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            topics.add(unique("com.example.topic"));
            subscriptions.add(client.subscribe(topics.getLast(), SubscribeOptions.DEFAULT));
        }
        long refused = client.nextRequestId();
        client.send(new Subscribe(refused, SubscribeOptions.DEFAULT, unique("com.example.topic")));
        client.expectRouterError(Subscribe.TYPE, refused, "switchboard.error.too_many_subscriptions");
        assertThat(exceeded("subscriptions-per-session")).isEqualTo(before + 1);

        // repeating a subscription it has is no new one; leaving one makes room
        assertThat(client.subscribe(topics.getFirst(), SubscribeOptions.DEFAULT)).isEqualTo(subscriptions.getFirst());
        client.send(new Unsubscribe(client.nextRequestId(), subscriptions.getFirst()));
        client.expect(Unsubscribed.class);
        client.subscribe(unique("com.example.topic"), SubscribeOptions.DEFAULT);
    }

    @Test
    void connectionsBeyondTheAddressLimitAreRefusedOnBothTransports() throws IOException {
        double before = exceeded("connections-per-address");
        // the connections of earlier tests may still be closing
        await().atMost(Duration.ofSeconds(5)).until(() -> meters.find("wamp.transport.connections").gauges()
                .stream().mapToDouble(gauge -> gauge.value()).sum() == 0);
        List<TestClient> open = new ArrayList<>();
        open.add(join(Transport.WEBSOCKET, SERIALIZATION));
        open.add(join(Transport.RAWSOCKET, SERIALIZATION));
        open.add(join(Transport.WEBSOCKET, SERIALIZATION));

        assertThat(webSocketUpgradeStatus()).startsWith("HTTP/1.1 429");
        assertThat(rawSocketHandshakeReply()).as("RawSocket error 4: maximum connection count reached")
                .isEqualTo(0x7F40_0000);
        assertThat(exceeded("connections-per-address")).isEqualTo(before + 2);

        open.getFirst().leave();
        await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
                .until(() -> join(Transport.RAWSOCKET, SERIALIZATION) != null);
    }

    private String webSocketUpgradeStatus() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", endpoints().webSocketPort()), 5000);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(WebSocketTestClient.upgradeRequest(endpoints().webSocketPort(),
                    WebSocketTestClient.newKey(), SERIALIZATION));
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b >= 0 && b != '\r'; b = in.read()) {
                line.append((char) b);
            }
            return line.toString();
        }
    }

    /** The router's reply to a RawSocket handshake, after which it must close the connection. */
    private int rawSocketHandshakeReply() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", endpoints().rawSocketPort()), 5000);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(new byte[] {0x7F, (byte) (RawSocketTestClient.LARGEST << 4
                    | SERIALIZATION.rawSocketId()), 0, 0});
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int reply = in.readInt();
            assertThat(in.read()).as("the end of the connection").isEqualTo(-1);
            return reply;
        }
    }
}

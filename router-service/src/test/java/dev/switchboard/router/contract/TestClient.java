package dev.switchboard.router.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.switchboard.wamp.CloseUris;
import dev.switchboard.wamp.ProtocolViolationException;
import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.codec.WampCodec;
import dev.switchboard.wamp.message.Call;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.CloseDetails;
import dev.switchboard.wamp.message.Error;
import dev.switchboard.wamp.message.Goodbye;
import dev.switchboard.wamp.message.Hello;
import dev.switchboard.wamp.message.HelloDetails;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Register;
import dev.switchboard.wamp.message.RegisterOptions;
import dev.switchboard.wamp.message.Registered;
import dev.switchboard.wamp.message.Result;
import dev.switchboard.wamp.message.ResultDetails;
import dev.switchboard.wamp.message.Roles;
import dev.switchboard.wamp.message.Subscribe;
import dev.switchboard.wamp.message.SubscribeOptions;
import dev.switchboard.wamp.message.Subscribed;
import dev.switchboard.wamp.message.WampMessage;
import dev.switchboard.wamp.message.Welcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A WAMP client for black-box tests of the running router, on a plain socket: it sends messages, or any bytes as one
 * message frame, and a thread of its own queues what the router sends, so that a test waits for the next message (of
 * a type, within {@link #TIMEOUT}) or for the router to end the connection. Subclasses add the transport's framing.
 */
abstract class TestClient implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final String REALM = "realm1";

    /** The roles and features this client announces in HELLO. */
    static final Roles ROLES = Roles.of(Map.of(
            Roles.CALLER, Set.of("progressive_call_results", "call_canceling", "call_timeout"),
            Roles.CALLEE, Set.of("progressive_call_results", "call_canceling", "call_timeout",
                    "shared_registration", "pattern_based_registration"),
            Roles.PUBLISHER, Set.of("publisher_exclusion", "subscriber_blackwhite_listing"),
            Roles.SUBSCRIBER, Set.of("pattern_based_subscription", "event_retention")));

    /** What arrived from the router. */
    sealed interface Inbound {
    }

    /** A WAMP message. */
    record Received(WampMessage message) implements Inbound {
    }

    /** A frame that is no valid WAMP message for this connection. */
    record Garbage(String why) implements Inbound {
    }

    /**
     * The end of the connection.
     *
     * @param code the WebSocket close code, or {@link #NO_CLOSE_FRAME} when the stream just ended (RawSocket has no
     *             close frame)
     */
    record Closed(int code, String reason) implements Inbound {

        static final int NO_CLOSE_FRAME = -1;
    }

    final Serialization serialization;
    final WampCodec codec;
    final Socket socket;
    private final BlockingQueue<Inbound> inbound = new LinkedBlockingQueue<>();
    private final AtomicLong requestIds = new AtomicLong();
    private volatile boolean ended;
    private volatile boolean answeringPings = true;
    private volatile @Nullable CountDownLatch readingPaused;
    private long sessionId;

    TestClient(Socket socket, Serialization serialization) {
        this.socket = socket;
        this.serialization = serialization;
        this.codec = WampCodec.of(serialization);
    }

    /** Starts the thread that reads what the router sends; call once the transport handshake is done. */
    final void startReading() throws IOException {
        socket.setSoTimeout(0);
        Thread.ofVirtual().name("test-client-reader").start(() -> {
            try {
                readFrames();
            } catch (IOException | RuntimeException e) {
                closed(Closed.NO_CLOSE_FRAME, "connection failed: " + e);
            }
        });
    }

    /** Reads frames until the connection ends, handing each WAMP message to {@link #received}. */
    abstract void readFrames() throws IOException;

    /** Sends {@code payload} as one WAMP message frame of this connection's serialization. */
    abstract void sendFrame(byte[] payload);

    /** Writes {@code bytes} as they are, past any framing. */
    abstract void sendBytes(byte[] bytes);

    /** The transport's name, for assertion messages. */
    abstract String transport();

    final void received(byte[] frame) {
        try {
            inbound.add(new Received(codec.decode(frame)));
        } catch (ProtocolViolationException e) {
            inbound.add(new Garbage(e.getMessage()));
        }
    }

    final void garbage(String why) {
        inbound.add(new Garbage(why));
    }

    final void closed(int code, String reason) {
        if (!ended) {
            ended = true;
            inbound.add(new Closed(code, reason));
        }
    }

    /** From now on the router's pings go unanswered, as from a peer that hangs. */
    void stopAnsweringPings() {
        answeringPings = false;
    }

    /**
     * From now on (after the frame being read, if any) nothing more is read, as by a peer that stops reading: what the
     * router sends piles up in the TCP buffers, and then in the router, until {@link #resumeReading}.
     */
    void stopReading() {
        readingPaused = new CountDownLatch(1);
    }

    void resumeReading() {
        CountDownLatch paused = readingPaused;
        readingPaused = null;
        if (paused != null) {
            paused.countDown();
        }
    }

    /** Called by the reader before each frame: waits while reading is stopped. */
    final void awaitReading() {
        CountDownLatch paused = readingPaused;
        if (paused != null) {
            try {
                paused.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether a ping from the router is to be answered. */
    final boolean answeringPings() {
        return answeringPings;
    }

    // ---- sending

    void send(WampMessage message) {
        sendFrame(codec.encode(message));
    }

    /** Sends a message given as its values, e.g. {@code sendValues(48, 1, Map.of(), "a..b")}: any shape, any values. */
    void sendValues(Object... values) {
        sendFrame(serialization.serializer().write(Arrays.asList(values)));
    }

    /** A fresh request id of this session's scope. */
    long nextRequestId() {
        return requestIds.incrementAndGet();
    }

    /** Opens a session on {@code realm1} (HELLO) and returns the WELCOME. */
    Welcome join() {
        return join(ROLES);
    }

    /** Opens a session on {@code realm1} announcing {@code roles} and returns the WELCOME. */
    Welcome join(Roles roles) {
        send(hello(REALM, roles));
        Welcome welcome = expect(Welcome.class);
        sessionId = welcome.sessionId();
        return welcome;
    }

    static Hello hello(String realm) {
        return hello(realm, ROLES);
    }

    static Hello hello(String realm, Roles roles) {
        return new Hello(realm, new HelloDetails(roles, List.of(), null, null, Map.of(), "switchboard-contract-tests",
                Map.of()));
    }

    /** The session id from WELCOME. */
    long sessionId() {
        assertThat(sessionId).as("joined").isNotZero();
        return sessionId;
    }

    /** Closes the session as a client should: GOODBYE, the router's GOODBYE, then the end of the connection. */
    void leave() {
        send(new Goodbye(CloseDetails.DEFAULT, CloseUris.NORMAL));
        assertThat(expect(Goodbye.class)).isEqualTo(new Goodbye(CloseDetails.DEFAULT, CloseUris.GOODBYE_AND_OUT));
        awaitClosed();
    }

    /** REGISTER, answered with REGISTERED: the registration id. */
    long register(String procedure, RegisterOptions options) {
        long request = nextRequestId();
        send(new Register(request, options, procedure));
        Registered registered = expect(Registered.class);
        assertThat(registered.requestId()).as("REGISTERED.Request").isEqualTo(request);
        return registered.registrationId();
    }

    /** SUBSCRIBE, answered with SUBSCRIBED: the subscription id. */
    long subscribe(String topic, SubscribeOptions options) {
        long request = nextRequestId();
        send(new Subscribe(request, options, topic));
        Subscribed subscribed = expect(Subscribed.class);
        assertThat(subscribed.requestId()).as("SUBSCRIBED.Request").isEqualTo(request);
        return subscribed.subscriptionId();
    }

    /** CALL without arguments, answered with a final RESULT: its payload. */
    Payload call(String procedure) {
        long request = nextRequestId();
        send(new Call(request, CallOptions.DEFAULT, procedure, Payload.EMPTY));
        Result result = expect(Result.class);
        assertThat(result.requestId()).as("RESULT.Request").isEqualTo(request);
        assertThat(result.details()).isEqualTo(ResultDetails.DEFAULT);
        return result.payload();
    }

    // ---- receiving

    /** The next message from the router; fails if none comes within {@link #TIMEOUT} or the connection ends. */
    WampMessage next() {
        Inbound next = poll(TIMEOUT);
        return switch (next) {
            case null -> fail("%s: no message within %s", this, TIMEOUT);
            case Received received -> received.message();
            case Garbage garbage -> fail("%s: the router sent an invalid frame: %s", this, garbage.why());
            case Closed closed -> fail("%s: the connection ended (%s) while a message was awaited", this, closed);
        };
    }

    /** The next message, which must be of {@code type}. */
    <T extends WampMessage> T expect(Class<T> type) {
        WampMessage message = next();
        assertThat(message).as("%s: the next message", this).isInstanceOf(type);
        return type.cast(message);
    }

    /** The end of the connection, which must come next, within {@link #TIMEOUT}, with no message before it. */
    Closed awaitClosed() {
        Inbound next = poll(TIMEOUT);
        return switch (next) {
            case null -> fail("%s: still open after %s", this, TIMEOUT);
            case Closed closed -> closed;
            case Received received -> fail("%s: %s arrived where the end of the connection was awaited", this,
                    received.message());
            case Garbage garbage -> fail("%s: the router sent an invalid frame: %s", this, garbage.why());
        };
    }

    /**
     * The next message, which must be an ERROR the router raised itself: exactly this request and URI, no details,
     * and one argument that explains it in words (whose wording is free).
     */
    Error expectRouterError(int requestType, long requestId, String uri) {
        Error error = expect(Error.class);
        assertThat(error.payload()).isInstanceOfSatisfying(Payload.Arguments.class, arguments -> {
            assertThat(arguments.args()).as("the explanation").singleElement().isInstanceOf(String.class);
            assertThat(arguments.kwargs()).isEmpty();
        });
        assertThat(error).isEqualTo(new Error(requestType, requestId, Map.of(), uri, error.payload()));
        return error;
    }

    /** How a connection ended: the messages that came first, then the end. */
    record Ending(List<WampMessage> messages, Closed closed) {
    }

    /** Everything until the end of the connection, which must come within {@link #TIMEOUT}. */
    Ending awaitEnd() {
        List<WampMessage> messages = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            Inbound next = poll(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            switch (next) {
                case null -> fail("%s: still open after %s, having received %s", this, TIMEOUT, messages);
                case Received received -> messages.add(received.message());
                case Garbage garbage -> fail("%s: the router sent an invalid frame: %s", this, garbage.why());
                case Closed closed -> {
                    return new Ending(messages, closed);
                }
            }
        }
    }

    private Inbound poll(Duration timeout) {
        try {
            return inbound.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- plumbing

    final void write(byte[] bytes) {
        try {
            synchronized (socket) {
                socket.getOutputStream().write(bytes);
                socket.getOutputStream().flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(this + ": cannot write", e);
        }
    }

    /** The client's port, as the router reports it in the session's transport details. */
    int localPort() {
        return socket.getLocalPort();
    }

    /** Drops the connection without a word. */
    @Override
    public void close() {
        resumeReading();
        try {
            socket.close();
        } catch (IOException e) {
            // closed anyway
        }
    }

    @Override
    public String toString() {
        return transport() + "/" + serialization.subprotocol() + " client" + (sessionId == 0 ? "" : " " + sessionId);
    }
}

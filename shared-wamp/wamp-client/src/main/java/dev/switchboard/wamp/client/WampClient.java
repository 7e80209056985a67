package dev.switchboard.wamp.client;

import dev.switchboard.wamp.client.internal.ClientConfig;
import dev.switchboard.wamp.client.internal.RealWampClient;
import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.PublishOptions;
import dev.switchboard.wamp.message.RegisterOptions;
import dev.switchboard.wamp.message.SubscribeOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.web.socket.client.WebSocketClient;

/**
 * A WAMP client session to one realm of one router, over WebSocket: caller, callee, publisher and subscriber.
 *
 * <pre>{@code
 * WampClient client = WampClient.builder(URI.create("ws://localhost:8080/ws"), "realm1")
 *         .serialization(Serialization.MSGPACK)
 *         .build();
 * client.connect().join();
 * client.register("com.example.add", invocation ->
 *         Payload.of((long) invocation.args().get(0) + (long) invocation.args().get(1))).join();
 * CallResult sum = client.call("com.example.add", Payload.of(2, 3)).join();   // sum.arg(0) == 5L
 * client.close();
 * }</pre>
 *
 * <p>The client keeps its session up: when the connection fails or is lost it reconnects with backoff
 * ({@link ReconnectPolicy}) and registers and subscribes again everything it held, under the same handles; one that
 * fails (e.g. the router still holds the procedure for the lost session) is tried again with backoff until it is made
 * or ended ({@link Registration#isRegistered()}, {@link Subscription#isSubscribed()}). Requests
 * made while it is not {@link ConnectionState#ESTABLISHED}, and calls pending when the connection is lost, fail at
 * once with {@link NotConnectedException}; nothing is retried or queued. Every method is thread-safe and none
 * waits for an answer (a request is written on the calling thread, within the {@link Builder#sendLimits send
 * limits}). Futures complete, and handlers and listeners run, on the client's own threads (virtual threads by
 * default), never on the transport's: a continuation that blocks cannot stall the connection.
 */
public interface WampClient extends AutoCloseable {

    /**
     * A builder for a client of {@code realm} on the router at {@code url} ({@code ws://} or {@code wss://}, e.g.
     * {@code ws://localhost:8080/ws}).
     */
    static Builder builder(URI url, String realm) {
        return new Builder(url, realm);
    }

    /**
     * Starts connecting, unless connected or connecting already.
     *
     * @return the session once established (retrying with the {@link ReconnectPolicy} until then); fails with the
     *         {@link WampException} of an ABORT (e.g. {@code wamp.error.no_such_realm}, an authentication failure),
     *         with a {@link NotConnectedException} when the policy gives up or {@link #disconnect()} is called
     */
    CompletableFuture<SessionDetails> connect();

    /**
     * Closes the session (GOODBYE, waiting briefly for the router's reply) and the connection, and stops
     * reconnecting. Pending calls fail with {@link NotConnectedException}. Registrations and subscriptions are kept
     * by the client and made again by a later {@link #connect()}.
     */
    CompletableFuture<Void> disconnect();

    /**
     * {@link #disconnect()}, waiting for it; then releases what the client made for its connections (the default
     * WebSocket client's HTTP client and its thread). A later {@link #connect()} makes them again.
     */
    @Override
    void close();

    ConnectionState state();

    /** The established session, or {@code null} when the state is not {@link ConnectionState#ESTABLISHED}. */
    @Nullable SessionDetails session();

    void addStateListener(ConnectionStateListener listener);

    void removeStateListener(ConnectionStateListener listener);

    // --- caller ---

    CallFuture call(String procedure, Payload.Arguments arguments);

    CallFuture call(String procedure, Payload.Arguments arguments, CallOptions options);

    /** A call whose progressive results go to {@code progress} (this sets {@code receive_progress}). */
    CallFuture call(String procedure, Payload.Arguments arguments, CallOptions options, ProgressListener progress);

    /**
     * A progressive call invocation: sends the first chunk of arguments now, the rest through the returned handle.
     *
     * @param progress receives progressive results, or {@code null} for none
     */
    ProgressiveCall callProgressive(String procedure, Payload.Arguments firstChunk, CallOptions options,
                                    @Nullable ProgressListener progress);

    // --- publisher ---

    /** Publishes without acknowledgement: the future completes (empty) once the PUBLISH is sent. */
    CompletableFuture<OptionalLong> publish(String topic, Payload.Arguments arguments);

    /**
     * Publishes with the given options. With {@code acknowledge} the future completes with the publication id when
     * the broker confirms, or fails with its ERROR; otherwise it completes empty once the PUBLISH is sent.
     */
    CompletableFuture<OptionalLong> publish(String topic, Payload.Arguments arguments, PublishOptions options);

    // --- subscriber ---

    CompletableFuture<Subscription> subscribe(String topic, EventHandler handler);

    CompletableFuture<Subscription> subscribe(String topic, SubscribeOptions options, EventHandler handler);

    // --- callee ---

    CompletableFuture<Registration> register(String procedure, InvocationHandler handler);

    CompletableFuture<Registration> register(String procedure, RegisterOptions options, InvocationHandler handler);

    /** Configures and builds a {@link WampClient}. Only the URL and realm are required. */
    final class Builder {

        private final URI url;
        private final String realm;
        private Serialization serialization = Serialization.JSON;
        private @Nullable String authid;
        private @Nullable String authrole;
        private final List<Authenticator> authenticators = new ArrayList<>();
        private ReconnectPolicy reconnect = ReconnectPolicy.DEFAULT;
        private @Nullable WebSocketClient webSocketClient;
        private @Nullable SSLContext sslContext;
        private int maxMessageSize = 1024 * 1024;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration closeTimeout = Duration.ofSeconds(2);
        private Duration pingInterval = Duration.ofSeconds(30);
        private Duration pingTimeout = Duration.ofSeconds(10);
        private Duration sendTimeLimit = Duration.ofSeconds(10);
        private int sendBufferLimit = 4 * 1024 * 1024;
        private @Nullable Executor handlerExecutor;
        private int eventQueueCapacity = 10_000;
        private String agent = "switchboard-wamp-client";
        private final List<ConnectionStateListener> listeners = new ArrayList<>();
        private final List<CallObserver> callObservers = new ArrayList<>();

        private Builder(URI url, String realm) {
            this.url = Objects.requireNonNull(url, "url");
            this.realm = Objects.requireNonNull(realm, "realm");
            String scheme = url.getScheme();
            if (!"ws".equalsIgnoreCase(scheme) && !"wss".equalsIgnoreCase(scheme)) {
                throw new IllegalArgumentException("a WAMP WebSocket URL starts with ws:// or wss://, not " + url);
            }
        }

        /** The serialization (WebSocket subprotocol): JSON (the default), MessagePack or CBOR. */
        public Builder serialization(Serialization serialization) {
            this.serialization = Objects.requireNonNull(serialization);
            return this;
        }

        /** {@code HELLO.Details.authid}: who to authenticate as (required by ticket and wampcra). */
        public Builder authid(String authid) {
            this.authid = authid;
            return this;
        }

        /** {@code HELLO.Details.authrole}: the role asked for. */
        public Builder authrole(String authrole) {
            this.authrole = authrole;
            return this;
        }

        /**
         * The authentication methods offered, in order of preference. None (the default) offers nothing, which
         * routers take as {@code anonymous}.
         */
        public Builder authenticators(Authenticator... authenticators) {
            this.authenticators.clear();
            this.authenticators.addAll(List.of(authenticators));
            return this;
        }

        /** When to reconnect; {@link ReconnectPolicy#DEFAULT} unless set. */
        public Builder reconnect(ReconnectPolicy reconnect) {
            this.reconnect = Objects.requireNonNull(reconnect);
            return this;
        }

        /**
         * The WebSocket client to connect with. By default one on the JDK's {@code java.net.http.WebSocket} (which
         * sends with {@code TCP_NODELAY}), set up with this builder's SSL context, message size, connect and close
         * timeouts; a client given here (e.g. Spring's {@code StandardWebSocketClient}) is used as it is.
         */
        public Builder webSocketClient(WebSocketClient webSocketClient) {
            this.webSocketClient = webSocketClient;
            return this;
        }

        /** The SSL context for {@code wss://} URLs (default: the JVM's). */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        /** The largest message the client receives, in bytes (default 1 MiB, as the router's). */
        public Builder maxMessageSize(int bytes) {
            this.maxMessageSize = bytes;
            return this;
        }

        /** How long one attempt may take from opening the WebSocket to WELCOME (default 10 s). */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** How long {@link #disconnect()} waits for the router's GOODBYE before closing anyway (default 2 s). */
        public Builder closeTimeout(Duration closeTimeout) {
            this.closeTimeout = closeTimeout;
            return this;
        }

        /**
         * WebSocket pings: one every {@code interval} (default 30 s; {@link Duration#ZERO} turns them off), and
         * the connection counts as lost when no pong comes within {@code timeout} (default 10 s).
         */
        public Builder ping(Duration interval, Duration timeout) {
            this.pingInterval = interval;
            this.pingTimeout = timeout;
            return this;
        }

        /**
         * Limits on writing: a single send may take at most {@code timeLimit}, and at most {@code bufferLimit}
         * bytes may wait behind it; beyond either the connection is closed (and reconnected) rather than letting
         * senders pile up (defaults 10 s and 4 MiB).
         */
        public Builder sendLimits(Duration timeLimit, int bufferLimit) {
            this.sendTimeLimit = timeLimit;
            this.sendBufferLimit = bufferLimit;
            return this;
        }

        /**
         * Where invocation and event handlers run. Default: a new virtual thread per invocation and per batch of
         * events. A bounded executor here bounds the client's handler threads; an invocation it rejects is answered
         * with an error.
         */
        public Builder handlerExecutor(Executor handlerExecutor) {
            this.handlerExecutor = handlerExecutor;
            return this;
        }

        /**
         * How many events of one subscription may wait for a slow handler (default 10,000). Beyond it events are
         * dropped, with a warning in the log.
         */
        public Builder eventQueueCapacity(int capacity) {
            this.eventQueueCapacity = capacity;
            return this;
        }

        /** {@code HELLO.Details.agent}. */
        public Builder agent(String agent) {
            this.agent = agent;
            return this;
        }

        public Builder stateListener(ConnectionStateListener listener) {
            this.listeners.add(listener);
            return this;
        }

        /** Adds an observer of every call the client makes (e.g. for metrics); several may be added. */
        public Builder callObserver(CallObserver observer) {
            this.callObservers.add(Objects.requireNonNull(observer));
            return this;
        }

        public WampClient build() {
            Executor handlers = handlerExecutor;
            if (handlers == null) {
                ThreadFactory threads = Thread.ofVirtual().name("wamp-handler-", 0).factory();
                handlers = task -> threads.newThread(task).start();
            }
            ClientConfig config = new ClientConfig(url, realm, serialization, authid, authrole,
                    List.copyOf(authenticators), reconnect, webSocketClient, sslContext, maxMessageSize,
                    connectTimeout, closeTimeout, pingInterval, pingTimeout, sendTimeLimit, sendBufferLimit,
                    handlers, eventQueueCapacity, agent, List.copyOf(listeners), List.copyOf(callObservers));
            return RealWampClient.create(config);
        }
    }
}

package dev.switchboard.wamp.client.internal;

import dev.switchboard.wamp.client.Authenticator;
import dev.switchboard.wamp.client.CallObserver;
import dev.switchboard.wamp.client.ConnectionStateListener;
import dev.switchboard.wamp.client.ReconnectPolicy;
import dev.switchboard.wamp.codec.Serialization;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.web.socket.client.WebSocketClient;

/** Everything a {@code WampClient.Builder} was told. See the builder's methods for each setting. */
public record ClientConfig(URI url, String realm, Serialization serialization, @Nullable String authid,
                           @Nullable String authrole, List<Authenticator> authenticators, ReconnectPolicy reconnect,
                           @Nullable WebSocketClient webSocketClient, @Nullable SSLContext sslContext,
                           int maxMessageSize, Duration connectTimeout, Duration closeTimeout,
                           Duration pingInterval, Duration pingTimeout, Duration sendTimeLimit, int sendBufferLimit,
                           Executor handlerExecutor, int eventQueueCapacity, String agent,
                           List<ConnectionStateListener> listeners, List<CallObserver> callObservers) {
}

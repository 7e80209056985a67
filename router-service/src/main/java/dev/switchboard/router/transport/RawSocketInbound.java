package dev.switchboard.router.transport;

import dev.switchboard.router.session.ConnectionAcceptor;
import dev.switchboard.router.session.TransportInfo;
import dev.switchboard.wamp.ProtocolViolationException;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandler;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.CoreSubscriber;
import reactor.netty.Connection;

/**
 * Receives what the {@link RawSocketDecoder} of one TCP connection emits, on its event loop: opens the
 * {@link RawSocketConnection} when the handshake succeeded, then passes it the frames.
 */
final class RawSocketInbound implements CoreSubscriber<Object> {

    private static final Logger log = LoggerFactory.getLogger(RawSocketInbound.class);

    private final Connection netty;
    private final ConnectionAcceptor acceptor;
    private final TransportProperties properties;
    private final TransportMetrics metrics;
    private @Nullable RawSocketConnection connection;

    RawSocketInbound(Connection netty, ConnectionAcceptor acceptor, TransportProperties properties,
                     TransportMetrics metrics) {
        this.netty = netty;
        this.acceptor = acceptor;
        this.properties = properties;
        this.metrics = metrics;
    }

    @Override
    public void onSubscribe(Subscription subscription) {
        subscription.request(Long.MAX_VALUE); // backpressure: see WritabilityListener
    }

    @Override
    public void onNext(Object frame) {
        RawSocketConnection open = connection;
        if (frame instanceof RawSocketFraming.Handshake handshake) {
            TransportInfo info = new TransportInfo(RawSocketServer.TYPE, handshake.serialization(),
                    PeerAddress.describe(netty.channel().remoteAddress()), Map.of(),
                    netty.channel().pipeline().get(SslHandler.class) != null);
            open = new RawSocketConnection(netty.channel(), handshake, info, properties, metrics);
            connection = open;
            netty.addHandlerLast(WritabilityListener.NAME, open.writabilityListener());
            open.open(acceptor);
        } else if (open == null) {
            netty.channel().close(); // cannot happen: the decoder emits nothing before the handshake
        } else if (frame instanceof ByteBuf message) {
            open.deliver(message);
        } else if (frame instanceof RawSocketFraming.Ping ping) {
            open.answerPing(ping.content());
        } else if (frame == RawSocketFraming.Pong.RECEIVED) {
            open.pongReceived();
        }
    }

    @Override
    public void onError(Throwable error) {
        Throwable cause = error instanceof DecoderException && error.getCause() != null ? error.getCause() : error;
        RawSocketConnection open = connection;
        if (open != null && cause instanceof ProtocolViolationException violation) {
            String why = violation.getMessage() == null ? "protocol violation" : violation.getMessage();
            open.violation(violation, CloseReason.protocolError(why));
        } else {
            log.debug("Inbound failure on RawSocket connection {}; closing it", netty.channel().remoteAddress(), cause);
            netty.channel().close();
        }
    }

    @Override
    public void onComplete() {
        // the peer closed; the channel's close follows and tells the handler
    }
}

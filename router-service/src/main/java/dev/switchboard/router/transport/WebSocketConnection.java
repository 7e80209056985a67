package dev.switchboard.router.transport;

import dev.switchboard.router.session.TransportInfo;
import dev.switchboard.wamp.ProtocolViolationException;
import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.codec.WampCodec;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.CoreSubscriber;

/**
 * A WAMP connection over WebSocket: one WAMP message per WebSocket message, text for {@code wamp.2.json}, binary for
 * {@code wamp.2.msgpack} and {@code wamp.2.cbor} (basic profile, "WebSocket Transport"). Subscribes to the
 * connection's inbound frames (after Reactor Netty joined fragments and answered pings) on the event loop.
 */
final class WebSocketConnection extends NettyConnection implements CoreSubscriber<Object> {

    private static final Logger log = LoggerFactory.getLogger(WebSocketConnection.class);

    private final Serialization serialization;
    private final long maxMessageSize;

    WebSocketConnection(Channel channel, Serialization serialization, TransportInfo info,
                        TransportProperties properties, TransportMetrics metrics) {
        super(channel, WampCodec.of(serialization), info, properties, metrics, Integer.MAX_VALUE);
        this.serialization = serialization;
        this.maxMessageSize = properties.maxMessageSize().toBytes();
    }

    @Override
    void writeMessage(byte[] message) {
        channel.write(serialization.binary()
                ? new BinaryWebSocketFrame(Unpooled.wrappedBuffer(message))
                : new TextWebSocketFrame(Unpooled.wrappedBuffer(message)), channel.voidPromise());
    }

    @Override
    void writePing(long number) {
        channel.writeAndFlush(new PingWebSocketFrame(Unpooled.copyLong(number)), channel.voidPromise());
    }

    /**
     * Written directly rather than with Reactor Netty's {@code sendClose}, which closes the TCP connection as soon as
     * the frame is flushed; the peer's close reply then reaches Reactor Netty, which ends the connection.
     */
    @Override
    void writeClose(CloseReason reason) {
        channel.write(new CloseWebSocketFrame(reason.code(), reason.text()), channel.voidPromise());
    }

    @Override
    public void onSubscribe(Subscription subscription) {
        subscription.request(Long.MAX_VALUE); // backpressure: see WritabilityListener
    }

    @Override
    public void onNext(Object frame) {
        if (frame instanceof TextWebSocketFrame text) {
            if (serialization.binary()) {
                wrongFrameType("text");
            } else {
                deliver(text.content());
            }
        } else if (frame instanceof BinaryWebSocketFrame binary) {
            if (serialization.binary()) {
                deliver(binary.content());
            } else {
                wrongFrameType("binary");
            }
        } else if (frame instanceof PongWebSocketFrame) {
            pongReceived();
        }
    }

    @Override
    public void onError(Throwable error) {
        if (error instanceof TooLongFrameException || error instanceof CorruptedWebSocketFrameException corrupted
                && corrupted.closeStatus().code() == WebSocketCloseStatus.MESSAGE_TOO_BIG.code()) {
            String why = "message exceeds the limit of " + maxMessageSize + " bytes";
            violation(new ProtocolViolationException(why), CloseReason.tooBig(why));
        } else if (error instanceof CorruptedWebSocketFrameException corrupted) {
            String why = "invalid WebSocket frame: " + corrupted.getMessage();
            violation(new ProtocolViolationException(why), CloseReason.protocolError(why));
        } else {
            log.debug("Inbound failure on {}; closing it", this, error);
            channel.close();
        }
    }

    @Override
    public void onComplete() {
        // the peer closed; the channel's close follows and tells the handler
    }

    private void wrongFrameType(String type) {
        String why = serialization.subprotocol() + " does not allow " + type + " messages";
        violation(new ProtocolViolationException(why), CloseReason.protocolError(why));
    }
}

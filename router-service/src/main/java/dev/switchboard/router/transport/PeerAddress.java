package dev.switchboard.router.transport;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.jspecify.annotations.Nullable;

/** Peer addresses in the form WAMP routers report them, e.g. {@code tcp4:127.0.0.1:53422} or {@code tcp6:::1:53422}. */
final class PeerAddress {

    private PeerAddress() {
    }

    static String describe(@Nullable SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            InetAddress ip = inet.getAddress();
            if (ip == null) {
                return "tcp:" + inet.getHostString() + ":" + inet.getPort();
            }
            return (ip instanceof Inet6Address ? "tcp6:" : "tcp4:") + ip.getHostAddress() + ":" + inet.getPort();
        }
        return address == null ? "unknown" : address.toString();
    }
}

package dev.switchboard.router.realm;

import dev.switchboard.router.broker.Broker;
import dev.switchboard.router.dealer.Dealer;
import dev.switchboard.router.routing.Peer;
import dev.switchboard.router.routing.RoutingLoop;
import dev.switchboard.wamp.message.Call;
import dev.switchboard.wamp.message.Cancel;
import dev.switchboard.wamp.message.Error;
import dev.switchboard.wamp.message.Invocation;
import dev.switchboard.wamp.message.Publish;
import dev.switchboard.wamp.message.Register;
import dev.switchboard.wamp.message.Subscribe;
import dev.switchboard.wamp.message.Unregister;
import dev.switchboard.wamp.message.Unsubscribe;
import dev.switchboard.wamp.message.WampMessage;
import dev.switchboard.wamp.message.Yield;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A routing namespace: its broker, dealer and sessions. Sessions hand their requests to {@link #route} from their
 * transport thread; everything that changes routing state then runs on the realm's {@link RoutingLoop}.
 */
public final class Realm {

    private final String name;
    private final RoutingLoop loop;
    private final Broker broker;
    private final Dealer dealer;
    private final SessionListener sessionListener;
    private final Map<Long, Member> members = new LinkedHashMap<>();
    private final AtomicInteger size = new AtomicInteger();

    /** A session of this realm: its peer handle and its details. */
    public record Member(Peer peer, SessionInfo info) {
    }

    public Realm(String name, RoutingLoop loop, Broker broker, Dealer dealer, SessionListener sessionListener) {
        this.name = name;
        this.loop = loop;
        this.broker = broker;
        this.dealer = dealer;
        this.sessionListener = sessionListener;
    }

    public String name() {
        return name;
    }

    public RoutingLoop loop() {
        return loop;
    }

    /** The number of sessions joined, readable from any thread (metrics). */
    public int size() {
        return size.get();
    }

    /** Adds an established session; call after its WELCOME was sent. */
    public void join(Peer peer, SessionInfo info) {
        size.incrementAndGet();
        loop.execute(() -> {
            members.put(peer.sessionId(), new Member(peer, info));
            sessionListener.onJoin(info);
        });
    }

    /** Removes a session and everything it had: subscriptions, registrations, calls. */
    public void leave(long sessionId) {
        size.decrementAndGet();
        loop.execute(() -> {
            Member member = members.remove(sessionId);
            broker.leave(sessionId);
            dealer.leave(sessionId);
            if (member != null) {
                sessionListener.onLeave(member.info());
            }
        });
    }

    /**
     * Hands a request of an established session to the broker or dealer, on the routing loop. The caller has
     * checked and authorized it. A request that reaches the loop after its session left (it raced with a kill from
     * the loop) is dropped, so that nothing is registered or subscribed for a session that is gone.
     *
     * @param disclose whether the session's identity is disclosed to subscribers or callees (it asked, and may)
     */
    public void route(Peer peer, WampMessage request, boolean disclose) {
        Runnable task = switch (request) {
            case Subscribe m -> () -> broker.subscribe(peer, m);
            case Unsubscribe m -> () -> broker.unsubscribe(peer, m);
            case Publish m -> () -> broker.publish(peer, m, disclose);
            case Register m -> () -> dealer.register(peer, m);
            case Unregister m -> () -> dealer.unregister(peer, m);
            case Call m -> () -> dealer.call(peer, m, disclose);
            case Cancel m -> () -> dealer.cancel(peer, m);
            case Yield m -> () -> dealer.yield(peer, m);
            case Error m when m.requestType() == Invocation.TYPE -> () -> dealer.error(peer, m);
            default -> throw new IllegalArgumentException("not a request a realm routes: " + request);
        };
        loop.execute(() -> {
            if (members.containsKey(peer.sessionId())) {
                task.run();
            }
        });
    }

    // --- for the meta API, on the loop ---

    public Broker broker() {
        return broker;
    }

    public Dealer dealer() {
        return dealer;
    }

    public Collection<Member> members() {
        return Collections.unmodifiableCollection(members.values());
    }

    public @Nullable Member member(long sessionId) {
        return members.get(sessionId);
    }
}

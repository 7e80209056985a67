package dev.switchboard.router.session;

import dev.switchboard.router.auth.AuthFailures;
import dev.switchboard.router.routing.LimitListener;
import dev.switchboard.wamp.IdGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * Accepts connections as WAMP sessions and keeps the established ones, so that every session id is unique and a
 * shutting-down router can say GOODBYE ({@code wamp.close.system_shutdown}) to each client.
 */
public final class Sessions implements ConnectionAcceptor, SmartLifecycle {

    static final String AGENT = "Switchboard router";

    private final Admission admission;
    private final Traffic traffic;
    private final AuthFailures authFailures;
    private final SessionLimits limits;
    private final LimitListener limitListener;
    private final ScheduledExecutorService delays = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "session-delays");
        thread.setDaemon(true);
        return thread;
    });
    private final IdGenerator ids = IdGenerator.random();
    private final Map<Long, WampSession> established = new ConcurrentHashMap<>();
    private volatile boolean running;

    public Sessions(Admission admission) {
        this(admission, Traffic.NONE);
    }

    public Sessions(Admission admission, Traffic traffic) {
        this(admission, traffic, AuthFailures.standard());
    }

    public Sessions(Admission admission, Traffic traffic, AuthFailures authFailures) {
        this(admission, traffic, authFailures, SessionLimits.NONE, LimitListener.NONE);
    }

    /**
     * @param limits        the limits on each session's inbound traffic
     * @param limitListener hears those limits close a session
     */
    public Sessions(Admission admission, Traffic traffic, AuthFailures authFailures, SessionLimits limits,
                    LimitListener limitListener) {
        this.admission = admission;
        this.traffic = traffic;
        this.authFailures = authFailures;
        this.limits = limits;
        this.limitListener = limitListener;
    }

    SessionLimits limits() {
        return limits;
    }

    /** A session was closed because {@code limit} was exceeded. */
    void limitExceeded(String limit) {
        limitListener.onLimitExceeded(limit);
    }

    /**
     * A failed authentication from the connection's address: how long its ABORT waits, so that guessing is slow.
     * The port is not part of the address.
     */
    Duration authenticationFailed(TransportInfo info) {
        String peer = info.peer();
        int port = peer.lastIndexOf(':');
        return authFailures.failed(port > 0 ? peer.substring(0, port) : peer);
    }

    /** Runs {@code task} after {@code delay}, off the transport and routing threads. */
    void later(Duration delay, Runnable task) {
        delays.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public ConnectionHandler accept(Connection connection) {
        return new WampSession(traffic == Traffic.NONE ? connection : new CountedConnection(connection, traffic),
                admission, this, traffic);
    }

    long register(WampSession session) {
        while (true) {
            long id = ids.next();
            if (established.putIfAbsent(id, session) == null) {
                return id;
            }
        }
    }

    void unregister(long sessionId) {
        established.remove(sessionId);
    }

    /** The number of established sessions. */
    public int count() {
        return established.size();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        List.copyOf(established.values()).forEach(WampSession::shutdown);
        delays.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops first, before the transports and the web server, so the GOODBYEs still go out. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}

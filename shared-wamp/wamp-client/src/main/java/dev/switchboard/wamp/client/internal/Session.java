package dev.switchboard.wamp.client.internal;

import dev.switchboard.wamp.CloseUris;
import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.ProtocolViolationException;
import dev.switchboard.wamp.client.Authenticator;
import dev.switchboard.wamp.client.NotConnectedException;
import dev.switchboard.wamp.client.SessionDetails;
import dev.switchboard.wamp.client.WampException;
import dev.switchboard.wamp.codec.MessageNames;
import dev.switchboard.wamp.message.Abort;
import dev.switchboard.wamp.message.Call;
import dev.switchboard.wamp.message.Challenge;
import dev.switchboard.wamp.message.CloseDetails;
import dev.switchboard.wamp.message.Error;
import dev.switchboard.wamp.message.Event;
import dev.switchboard.wamp.message.Goodbye;
import dev.switchboard.wamp.message.Hello;
import dev.switchboard.wamp.message.HelloDetails;
import dev.switchboard.wamp.message.Interrupt;
import dev.switchboard.wamp.message.Invocation;
import dev.switchboard.wamp.message.Published;
import dev.switchboard.wamp.message.Registered;
import dev.switchboard.wamp.message.Result;
import dev.switchboard.wamp.message.Subscribed;
import dev.switchboard.wamp.message.Unregistered;
import dev.switchboard.wamp.message.Unsubscribed;
import dev.switchboard.wamp.message.WampMessage;
import dev.switchboard.wamp.message.Welcome;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * One WAMP session over one connection: the opening handshake (HELLO → [CHALLENGE ↔ AUTHENTICATE] → WELCOME or
 * ABORT), the requests of the established session and their answers, and the closing handshake (GOODBYE). When the
 * connection ends, every request still waiting fails with {@link NotConnectedException}: a new connection is a new
 * session, which the client opens. Inbound messages arrive on the transport's thread, one at a time.
 */
final class Session implements TransportListener {

    private enum Phase { OPENING, JOINING, ESTABLISHED, CLOSING, CLOSED }

    private static final Log log = LogFactory.getLog(Session.class);

    private final ClientConfig config;
    private final SessionListener listener;
    private final Subscriber subscriber = new Subscriber(this);
    private final Callee callee;
    private final Requests requests;
    private final CompletableFuture<Void> goodbyeAnswered = new CompletableFuture<>();
    private final AtomicBoolean closedReported = new AtomicBoolean();
    private volatile Phase phase = Phase.OPENING;
    private volatile @Nullable Transport transport;
    private volatile @Nullable Throwable closeCause;

    Session(ClientConfig config, SessionListener listener) {
        this.config = config;
        this.listener = listener;
        this.callee = new Callee(this, config.handlerExecutor());
        this.requests = new Requests(this, subscriber, callee);
    }

    // --- the transport's events ---

    @Override
    public void onOpen(Transport opened) {
        transport = opened;
        if (phase != Phase.OPENING) {
            opened.close("abandoned"); // the attempt timed out or the client disconnected meanwhile
            return;
        }
        phase = Phase.JOINING;
        listener.joining(this);
        sendAsync(hello());
    }

    private Hello hello() {
        Map<String, Object> authextra = new LinkedHashMap<>();
        config.authenticators().forEach(authenticator -> authextra.putAll(authenticator.authExtra()));
        return new Hello(config.realm(), new HelloDetails(ClientRoles.ANNOUNCED,
                config.authenticators().stream().map(Authenticator::authMethod).toList(),
                config.authid(), config.authrole(), authextra, config.agent(), Map.of()));
    }

    @Override
    public void onMessage(WampMessage message) {
        switch (phase) {
            case JOINING -> opening(message);
            case ESTABLISHED, CLOSING -> established(message);
            case OPENING, CLOSED -> { }
        }
    }

    private void opening(WampMessage message) {
        switch (message) {
            case Welcome welcome -> {
                phase = Phase.ESTABLISHED;
                listener.welcomed(this, new SessionDetails(welcome.sessionId(), config.realm(), welcome.details()));
            }
            case Challenge challenge -> ClientThreads.CALLBACKS.execute(() -> authenticate(challenge));
            case Abort abort -> refused(new WampException(abort.reason(), message(abort.details(), abort.reason())));
            default -> violation("expected WELCOME, CHALLENGE or ABORT, got " + MessageNames.of(message.type()));
        }
    }

    private void authenticate(Challenge challenge) {
        Authenticator authenticator = config.authenticators().stream()
                .filter(candidate -> candidate.authMethod().equals(challenge.authMethod()))
                .findFirst().orElse(null);
        try {
            if (authenticator == null) {
                throw new WampException(ErrorUris.AUTHENTICATION_FAILED,
                        "the router challenged with " + challenge.authMethod() + ", which the client did not offer");
            }
            send(authenticator.authenticate(challenge.extra()));
        } catch (WampException unanswerable) {
            sendQuietly(new Abort(CloseDetails.message(unanswerable.getMessage()), unanswerable.error()));
            refused(unanswerable);
        } catch (RuntimeException failure) {
            WampException unanswerable = new WampException(ErrorUris.AUTHENTICATION_FAILED,
                    "cannot answer the " + challenge.authMethod() + " challenge: " + failure.getMessage());
            sendQuietly(new Abort(CloseDetails.message(unanswerable.getMessage()), unanswerable.error()));
            refused(unanswerable);
        }
    }

    /** ABORT in the opening: the client is told first, so that the close that follows is not taken for a loss. */
    private void refused(WampException reason) {
        closeCause = reason;
        listener.aborted(this, reason);
        closeTransport("aborted");
    }

    private void established(WampMessage message) {
        switch (message) {
            case Result result -> requests.result(result);
            case Error error when error.requestType() == Call.TYPE -> requests.callError(error);
            case Error error -> requests.answered(error.requestId(), error);
            case Event event -> subscriber.event(event);
            case Invocation invocation -> callee.invocation(invocation);
            case Interrupt interrupt -> callee.interrupt(interrupt);
            case Subscribed subscribed -> requests.answered(subscribed.requestId(), subscribed);
            case Unsubscribed revocation when revocation.requestId() == 0 -> subscriber.revoked(revocation, listener);
            case Unsubscribed unsubscribed -> requests.answered(unsubscribed.requestId(), unsubscribed);
            case Registered registered -> requests.answered(registered.requestId(), registered);
            case Unregistered revocation when revocation.requestId() == 0 -> callee.revoked(revocation, listener);
            case Unregistered unregistered -> requests.answered(unregistered.requestId(), unregistered);
            case Published published -> requests.answered(published.requestId(), published);
            case Goodbye goodbye -> goodbyeReceived(goodbye);
            case Abort abort -> {
                closeCause = new WampException(abort.reason(), message(abort.details(), abort.reason()));
                closeTransport("aborted by the router");
            }
            default -> violation(MessageNames.of(message.type()) + " is not a message a router sends in a session");
        }
    }

    private void goodbyeReceived(Goodbye goodbye) {
        if (phase == Phase.CLOSING) {
            goodbyeAnswered.complete(null); // the reply to the client's GOODBYE
            return;
        }
        phase = Phase.CLOSING;
        closeCause = new WampException(goodbye.reason(), message(goodbye.details(), goodbye.reason()));
        ClientThreads.CALLBACKS.execute(() -> {
            sendQuietly(new Goodbye(CloseDetails.DEFAULT, CloseUris.GOODBYE_AND_OUT));
            closeTransport("goodbye");
        });
    }

    @Override
    public void onProtocolViolation(ProtocolViolationException violation) {
        violation(violation.getMessage());
    }

    private void violation(String why) {
        log.warn("Protocol violation by the router at " + config.url() + ": " + why);
        closeCause = new WampException(ErrorUris.PROTOCOL_VIOLATION, why);
        phase = Phase.CLOSING;
        ClientThreads.CALLBACKS.execute(() -> {
            sendQuietly(new Abort(CloseDetails.message(why), ErrorUris.PROTOCOL_VIOLATION));
            closeTransport("protocol violation");
        });
    }

    @Override
    public void onClosed(Throwable cause) {
        Throwable known = closeCause;
        ended(known != null ? known : cause);
    }

    /** Ends the session now, without waiting for the transport (connect timeout, disconnect while opening). */
    void abandon(Throwable cause) {
        closeCause = cause;
        closeTransport("abandoned");
        ended(cause);
    }

    private void ended(Throwable cause) {
        if (!closedReported.compareAndSet(false, true)) {
            return;
        }
        phase = Phase.CLOSED;
        goodbyeAnswered.complete(null);
        NotConnectedException lost = new NotConnectedException(
                "the session ended before the answer came (nothing is retried): " + Messages.reason(cause), cause);
        requests.failAll(lost);
        callee.sessionLost();
        listener.closed(this, cause);
    }

    /**
     * The client closes the session: GOODBYE, the router's GOODBYE in reply (waiting at most {@code timeout}), then
     * the connection. Whatever is pending fails with {@code cause}.
     */
    void close(Duration timeout, NotConnectedException cause) {
        closeCause = cause;
        if (phase == Phase.ESTABLISHED) {
            phase = Phase.CLOSING;
            sendQuietly(new Goodbye(CloseDetails.DEFAULT, CloseUris.NORMAL));
        } else if (phase != Phase.CLOSING) {
            abandon(cause);
            return;
        }
        goodbyeAnswered.completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS)
                .thenRunAsync(() -> {
                    closeTransport("goodbye");
                    // a transport that never reports its close must not keep the client from disconnecting
                    ClientThreads.TIMER.schedule(() -> abandon(cause), timeout.toMillis(), TimeUnit.MILLISECONDS);
                }, ClientThreads.CALLBACKS);
    }

    private void closeTransport(String reason) {
        Transport open = transport;
        if (open != null) {
            open.close(reason);
        }
    }

    boolean isEstablished() {
        return phase == Phase.ESTABLISHED;
    }

    /** The session's outgoing requests: calls, publications, (un)subscriptions, (un)registrations. */
    Requests requests() {
        return requests;
    }

    // --- writing ---

    /** Writes on the calling thread (never the transport's); throws {@link NotConnectedException} on failure. */
    void send(WampMessage message) {
        Transport open = transport;
        if (open == null || phase == Phase.CLOSED) {
            throw new NotConnectedException("the session is closed");
        }
        open.send(message);
    }

    /** {@link #send}, logging a failure instead of throwing it. */
    void sendQuietly(WampMessage message) {
        try {
            send(message);
        } catch (RuntimeException notSent) {
            log.debug("Could not send " + MessageNames.of(message.type()) + ": " + notSent.getMessage());
        }
    }

    /** {@link #sendQuietly} on a client thread: for what the transport's thread must answer. */
    void sendAsync(WampMessage message) {
        ClientThreads.CALLBACKS.execute(() -> sendQuietly(message));
    }

    private static String message(CloseDetails details, String reason) {
        return details.message() != null ? details.message() : reason;
    }
}

package dev.switchboard.wamp.client.internal;

import dev.switchboard.wamp.IdGenerator;
import dev.switchboard.wamp.client.CallFuture;
import dev.switchboard.wamp.client.NotConnectedException;
import dev.switchboard.wamp.client.ProgressListener;
import dev.switchboard.wamp.client.ProgressiveCall;
import dev.switchboard.wamp.codec.MessageNames;
import dev.switchboard.wamp.message.Call;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.Cancel;
import dev.switchboard.wamp.message.CancelMode;
import dev.switchboard.wamp.message.CancelOptions;
import dev.switchboard.wamp.message.Error;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Publish;
import dev.switchboard.wamp.message.PublishOptions;
import dev.switchboard.wamp.message.Published;
import dev.switchboard.wamp.message.Register;
import dev.switchboard.wamp.message.Registered;
import dev.switchboard.wamp.message.Result;
import dev.switchboard.wamp.message.Subscribe;
import dev.switchboard.wamp.message.Subscribed;
import dev.switchboard.wamp.message.Unregister;
import dev.switchboard.wamp.message.Unregistered;
import dev.switchboard.wamp.message.Unsubscribe;
import dev.switchboard.wamp.message.Unsubscribed;
import dev.switchboard.wamp.message.WampMessage;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The requests one session sends (CALL, PUBLISH with acknowledgement, SUBSCRIBE, UNSUBSCRIBE, REGISTER, UNREGISTER)
 * and the answers that complete them. When the session ends, whatever still waits fails.
 */
final class Requests {

    private static final Log log = LogFactory.getLog(Requests.class);

    private final Session session;
    private final Subscriber subscriber;
    private final Callee callee;
    private final IdGenerator requestIds = IdGenerator.sequential();
    private final Map<Long, RealCallFuture> calls = new ConcurrentHashMap<>();
    private final Map<Long, PendingRequest> others = new ConcurrentHashMap<>();

    Requests(Session session, Subscriber subscriber, Callee callee) {
        this.session = session;
        this.subscriber = subscriber;
        this.callee = callee;
    }

    CallFuture call(String procedure, Payload.Arguments arguments, CallOptions options,
                    @Nullable ProgressListener progress) {
        long requestId = requestIds.next();
        RealCallFuture result = new RealCallFuture(this, requestId, progress);
        CallOptions wire = new CallOptions(options.timeout(), progress != null, false, options.discloseMe(),
                options.other());
        sendTracked(calls, requestId, () -> new Call(requestId, wire, procedure, arguments), result);
        return result;
    }

    ProgressiveCall callProgressive(String procedure, Payload.Arguments firstChunk, CallOptions options,
                                    @Nullable ProgressListener progress) {
        long requestId = requestIds.next();
        RealCallFuture result = new RealCallFuture(this, requestId, progress);
        CallOptions wire = new CallOptions(options.timeout(), progress != null, true, options.discloseMe(),
                options.other());
        sendTracked(calls, requestId, () -> new Call(requestId, wire, procedure, firstChunk), result);
        return new RealProgressiveCall(this, result, procedure, wire);
    }

    /** A further chunk of a progressive call invocation; a chunk that cannot be sent fails the call. */
    void sendChunk(RealCallFuture call, Call chunk) {
        try {
            session.send(chunk);
        } catch (RuntimeException notSent) {
            if (calls.remove(call.requestId(), call)) {
                call.fail(notSent);
            }
        }
    }

    /** The caller cancels: CANCEL goes out unless the answer came first; false then. */
    boolean cancel(RealCallFuture call, @Nullable CancelMode mode) {
        if (!calls.remove(call.requestId(), call)) {
            return false;
        }
        session.sendQuietly(new Cancel(call.requestId(),
                mode == null ? CancelOptions.DEFAULT : new CancelOptions(mode, Map.of())));
        return true;
    }

    CompletableFuture<OptionalLong> publish(String topic, Payload.Arguments arguments, PublishOptions options) {
        long requestId = requestIds.next();
        if (options.acknowledge()) {
            return request(requestId, () -> new Publish(requestId, options, topic, arguments), Published.class,
                    published -> { }).thenApply(published -> OptionalLong.of(published.publicationId()));
        }
        try {
            requireEstablished();
            session.send(new Publish(requestId, options, topic, arguments));
            return CompletableFuture.completedFuture(OptionalLong.empty());
        } catch (RuntimeException notSent) {
            return CompletableFuture.failedFuture(notSent);
        }
    }

    CompletableFuture<Void> subscribe(RealSubscription subscription) {
        long requestId = requestIds.next();
        return request(requestId, () -> new Subscribe(requestId, subscription.options(), subscription.topic()),
                Subscribed.class, subscribed -> subscriber.bind(subscribed.subscriptionId(), subscription))
                .thenApply(subscribed -> null);
    }

    CompletableFuture<Void> unsubscribe(RealSubscription subscription) {
        if (!subscriber.unbind(subscription)) {
            return CompletableFuture.completedFuture(null); // other handles still use the broker's subscription
        }
        long requestId = requestIds.next();
        return request(requestId, () -> new Unsubscribe(requestId, subscription.id()), Unsubscribed.class,
                unsubscribed -> { }).thenApply(unsubscribed -> null);
    }

    CompletableFuture<Void> register(RealRegistration registration) {
        long requestId = requestIds.next();
        return request(requestId, () -> new Register(requestId, registration.options(), registration.procedure()),
                Registered.class, registered -> callee.bind(registered.registrationId(), registration))
                .thenApply(registered -> null);
    }

    CompletableFuture<Void> unregister(RealRegistration registration) {
        callee.unbind(registration);
        long requestId = requestIds.next();
        return request(requestId, () -> new Unregister(requestId, registration.id()), Unregistered.class,
                unregistered -> { }).thenApply(unregistered -> null);
    }

    // --- answers, on the transport's thread ---

    void result(Result result) {
        RealCallFuture call = result.details().progress()
                ? calls.get(result.requestId()) : calls.remove(result.requestId());
        if (call != null) {
            call.resultReceived(result);
        }
    }

    void callError(Error error) {
        RealCallFuture call = calls.remove(error.requestId());
        if (call != null) {
            call.answer(error);
        }
    }

    void answered(long requestId, WampMessage reply) {
        PendingRequest pending = others.remove(requestId);
        if (pending != null) {
            pending.answer(reply);
        } else {
            log.debug("Dropped " + MessageNames.of(reply.type()) + " for unknown request " + requestId);
        }
    }

    /** The session ended (after its phase became closed): every request still waiting fails. */
    void failAll(NotConnectedException lost) {
        calls.keySet().forEach(id -> {
            RealCallFuture call = calls.remove(id);
            if (call != null) {
                call.fail(lost);
            }
        });
        others.keySet().forEach(id -> {
            PendingRequest pending = others.remove(id);
            if (pending != null) {
                pending.fail(lost);
            }
        });
    }

    /**
     * Sends a request whose answer is a message of {@code answerType}; {@code onAnswer} runs on the transport's
     * thread before any later message is read (so a subscription is bound before its first EVENT), the future then
     * completes on a client thread.
     */
    private <T extends WampMessage> CompletableFuture<T> request(long requestId, Supplier<WampMessage> request,
                                                                 Class<T> answerType, Consumer<T> onAnswer) {
        CompletableFuture<T> result = new CompletableFuture<>();
        sendTracked(others, requestId, request, new PendingRequest() {
            @Override
            public void answer(WampMessage reply) {
                if (answerType.isInstance(reply)) {
                    T answer = answerType.cast(reply);
                    onAnswer.accept(answer);
                    ClientThreads.CALLBACKS.execute(() -> result.complete(answer));
                } else if (reply instanceof Error error) {
                    ClientThreads.CALLBACKS.execute(() -> result.completeExceptionally(Messages.exception(error)));
                }
            }

            @Override
            public void fail(RuntimeException error) {
                ClientThreads.CALLBACKS.execute(() -> result.completeExceptionally(error));
            }
        });
        return result;
    }

    /**
     * Tracks {@code pending} under {@code requestId} and sends the request, or fails {@code pending} when the session
     * is not established or the request cannot be built or sent. Tracking comes first and the phase is read again
     * after it, so that no request slips past {@link #failAll}, which runs after the phase has changed.
     */
    private <P extends PendingRequest> void sendTracked(Map<Long, P> pendingById, long requestId,
                                                        Supplier<WampMessage> request, P pending) {
        WampMessage message;
        try {
            requireEstablished();
            message = request.get(); // a message's constructor checks its URI
        } catch (RuntimeException refused) {
            pending.fail(refused);
            return;
        }
        pendingById.put(requestId, pending);
        try {
            requireEstablished();
            session.send(message);
        } catch (RuntimeException notSent) {
            if (pendingById.remove(requestId, pending)) {
                pending.fail(notSent);
            }
        }
    }

    private void requireEstablished() {
        if (!session.isEstablished()) {
            throw new NotConnectedException("the session is closing or closed");
        }
    }
}

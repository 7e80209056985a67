package dev.switchboard.wamp.client.internal;

import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.client.WampException;
import dev.switchboard.wamp.message.Error;
import dev.switchboard.wamp.message.Interrupt;
import dev.switchboard.wamp.message.Invocation;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Unregistered;
import dev.switchboard.wamp.message.Values;
import dev.switchboard.wamp.message.WampMessage;
import dev.switchboard.wamp.message.Yield;
import dev.switchboard.wamp.message.YieldOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The callee's side of one session: the registrations by id and the invocations running. INVOCATION and INTERRUPT
 * arrive on the transport's thread; handlers run on the handler executor, each invocation holding one of its
 * registration's {@code concurrency} slots until the handler returns. An invocation beyond the limit is refused at
 * once with {@code crossbar.error.max_concurrency_reached}, as is one the handler executor rejects.
 */
final class Callee {

    private static final Log log = LogFactory.getLog(Callee.class);

    private final Session session;
    private final Executor handlers;
    private final Map<Long, RealRegistration> byId = new ConcurrentHashMap<>();
    private final Map<Long, RealIncomingInvocation> running = new ConcurrentHashMap<>();

    Callee(Session session, Executor handlers) {
        this.session = session;
        this.handlers = handlers;
    }

    void bind(long registrationId, RealRegistration registration) {
        byId.put(registrationId, registration);
        registration.bound(session, registrationId);
    }

    void unbind(RealRegistration registration) {
        byId.remove(registration.id(), registration);
    }

    void invocation(Invocation invocation) {
        RealIncomingInvocation started = running.get(invocation.requestId());
        if (started != null) {
            if (invocation.payload() instanceof Payload.Arguments chunk) {
                started.chunkReceived(chunk, invocation.details().progress());
            } else {
                log.warn("Dropped an unreadable chunk of invocation " + invocation.requestId());
            }
            return;
        }
        RealRegistration registration = byId.get(invocation.registrationId());
        if (registration == null || !registration.isActive()) {
            refuse(invocation, ErrorUris.NO_SUCH_REGISTRATION,
                    "no registration " + invocation.registrationId() + " in this session");
            return;
        }
        Payload.Arguments arguments;
        try {
            arguments = Messages.arguments(invocation.payload());
        } catch (WampException unreadable) {
            refuse(invocation, unreadable.error(), unreadable.getMessage());
            return;
        }
        if (!registration.tryAcquire()) {
            refuse(invocation, ErrorUris.MAX_CONCURRENCY_REACHED, "the callee of " + registration.procedure()
                    + " runs " + registration.options().concurrency() + " invocations already, its limit");
            return;
        }
        String procedure = invocation.details().procedure() != null
                ? invocation.details().procedure() : registration.procedure();
        RealIncomingInvocation incoming = new RealIncomingInvocation(session, invocation.requestId(), procedure,
                arguments, invocation.details());
        running.put(invocation.requestId(), incoming);
        try {
            handlers.execute(() -> run(registration, incoming));
        } catch (RejectedExecutionException rejected) {
            running.remove(invocation.requestId(), incoming);
            registration.release();
            incoming.answerAsync(error(invocation.requestId(), ErrorUris.MAX_CONCURRENCY_REACHED,
                    "the callee's handler executor refused the invocation"));
        }
    }

    private void run(RealRegistration registration, RealIncomingInvocation invocation) {
        WampMessage answer;
        invocation.attach(Thread.currentThread());
        try {
            Payload.Arguments result = registration.handler().invoke(invocation);
            answer = new Yield(invocation.requestId(), YieldOptions.DEFAULT, result == null ? Payload.EMPTY : result);
        } catch (WampException error) {
            answer = new Error(Invocation.TYPE, invocation.requestId(), Map.of(), error.error(), error.arguments());
        } catch (Throwable failure) {
            if (!invocation.isInterrupted()) {
                log.warn("The handler of " + invocation.procedure() + " failed", failure);
            }
            answer = error(invocation.requestId(), Messages.RUNTIME_ERROR, String.valueOf(failure));
        } finally {
            invocation.detach();
            Thread.interrupted(); // an interrupt meant for this invocation must not reach the thread's next task
            running.remove(invocation.requestId(), invocation);
            registration.release(); // before answering: the dealer may send the next invocation on receipt
        }
        invocation.answer(answer);
    }

    void interrupt(Interrupt interrupt) {
        RealIncomingInvocation invocation = running.get(interrupt.requestId());
        if (invocation != null) {
            invocation.interrupt(interrupt.options().mode(), interrupt.options().reason(), true);
        }
    }

    /** UNREGISTERED with request id 0: the dealer ended a registration (advanced profile, registration revocation). */
    void revoked(Unregistered revocation, SessionListener listener) {
        Long id = Values.integral(revocation.details().get("registration"));
        if (id != null) {
            RealRegistration registration = byId.remove(id);
            if (registration != null) {
                log.info("The router revoked " + registration + ": " + revocation.details().get("reason"));
                listener.revoked(registration);
            }
        }
    }

    /** The session is gone: every running handler is interrupted; its answer could not be delivered anyway. */
    void sessionLost() {
        running.values().forEach(invocation -> invocation.interrupt(null, null, false));
    }

    private void refuse(Invocation invocation, String error, String message) {
        session.sendAsync(error(invocation.requestId(), error, message));
    }

    private static Error error(long requestId, String error, String message) {
        return new Error(Invocation.TYPE, requestId, Map.of(), error, Payload.of(message));
    }
}

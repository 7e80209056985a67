package dev.switchboard.router.dealer;

import dev.switchboard.wamp.matching.UriPattern;
import dev.switchboard.wamp.message.InvocationPolicy;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A procedure or procedure pattern with its callees, in registration order, and the calls waiting for a free
 * callee when a call queue is configured for it. It exists while it has callees. Mutated only on the routing loop.
 */
public final class Registration {

    private final long id;
    private final UriPattern pattern;
    private final Instant created;
    private final int queueCapacity;
    private final List<Callee> callees = new ArrayList<>();
    private final ArrayDeque<PendingCall> queue = new ArrayDeque<>();
    private InvocationPolicy policy;
    private CalleeSelector selector;

    Registration(long id, UriPattern pattern, InvocationPolicy policy, Instant created, int queueCapacity) {
        this.id = id;
        this.pattern = pattern;
        this.created = created;
        this.queueCapacity = queueCapacity;
        this.policy = policy;
        this.selector = CalleeSelector.forPolicy(policy);
    }

    public long id() {
        return id;
    }

    public UriPattern pattern() {
        return pattern;
    }

    public InvocationPolicy policy() {
        return policy;
    }

    public Instant created() {
        return created;
    }

    /** The callees, in the order they registered. */
    public List<Callee> callees() {
        return Collections.unmodifiableList(callees);
    }

    /** The calls waiting for a free callee. */
    public int queued() {
        return queue.size();
    }

    @Nullable Callee callee(long sessionId) {
        for (Callee callee : callees) {
            if (callee.peer().sessionId() == sessionId) {
                return callee;
            }
        }
        return null;
    }

    void add(Callee callee) {
        callees.add(callee);
    }

    boolean remove(Callee callee) {
        return callees.remove(callee);
    }

    /** After a forced re-registration the newcomer's policy applies. */
    void changePolicy(InvocationPolicy newPolicy) {
        if (newPolicy != policy) {
            policy = newPolicy;
            selector = CalleeSelector.forPolicy(newPolicy);
        }
    }

    @Nullable Callee selectCallee() {
        return selector.select(callees);
    }

    boolean enqueue(PendingCall call) {
        if (queue.size() >= queueCapacity) {
            return false;
        }
        queue.addLast(call);
        return true;
    }

    @Nullable PendingCall pollQueue() {
        return queue.pollFirst();
    }

    boolean dequeue(PendingCall call) {
        return queue.remove(call);
    }

    List<PendingCall> drainQueue() {
        List<PendingCall> all = new ArrayList<>(queue);
        queue.clear();
        return all;
    }
}

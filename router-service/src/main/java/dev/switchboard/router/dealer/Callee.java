package dev.switchboard.router.dealer;

import dev.switchboard.router.routing.Peer;
import java.time.Instant;

/** One session's membership in a registration, with its concurrency limit and the invocations it is running. */
public final class Callee {

    private final Peer peer;
    private final Registration registration;
    private final int concurrency;
    private final boolean discloseCaller;
    private final Instant registered;
    private int running;

    Callee(Peer peer, Registration registration, int concurrency, boolean discloseCaller, Instant registered) {
        this.peer = peer;
        this.registration = registration;
        this.concurrency = concurrency;
        this.discloseCaller = discloseCaller;
        this.registered = registered;
    }

    /** Whether this callee asked to learn who calls ({@code REGISTER.Options.disclose_caller}). */
    public boolean discloseCaller() {
        return discloseCaller;
    }

    public Peer peer() {
        return peer;
    }

    public Registration registration() {
        return registration;
    }

    /** The most invocations this callee runs at once ({@code REGISTER.Options.concurrency}); MAX_VALUE if unset. */
    public int concurrency() {
        return concurrency;
    }

    public Instant registered() {
        return registered;
    }

    /** The invocations currently running on this callee for this registration. */
    public int running() {
        return running;
    }

    boolean hasFreeSlot() {
        return running < concurrency;
    }

    void occupySlot() {
        running++;
    }

    void releaseSlot() {
        if (running > 0) {
            running--;
        }
    }
}

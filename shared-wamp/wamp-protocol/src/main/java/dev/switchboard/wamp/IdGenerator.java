package dev.switchboard.wamp;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Produces WAMP ids: integers in {@code [1, 2^53]} so that every peer, including JavaScript ones, can represent them
 * exactly (basic profile, "Identifiers").
 */
@FunctionalInterface
public interface IdGenerator {

    /** The largest id: 2^53. */
    long MAX_ID = 1L << 53;

    long next();

    /** Whether {@code id} lies in the range of WAMP ids. */
    static boolean isValidId(long id) {
        return id >= 1 && id <= MAX_ID;
    }

    /**
     * Ids of the global scope (sessions, publications): drawn uniformly at random from {@code [1, 2^53]}, so that
     * they are not guessable from one another. Thread-safe.
     */
    static IdGenerator random() {
        return () -> ThreadLocalRandom.current().nextLong(1, MAX_ID + 1);
    }

    /**
     * Ids of the router or session scope (requests, subscriptions, registrations): 1, 2, 3, … and back to 1 after
     * 2^53. Thread-safe; each scope owns one.
     */
    static IdGenerator sequential() {
        AtomicLong last = new AtomicLong();
        return () -> last.updateAndGet(id -> id >= MAX_ID ? 1 : id + 1);
    }
}

package dev.switchboard.wamp;

import java.util.concurrent.ThreadLocalRandom;

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
        return IdGenerators.random(ThreadLocalRandom::current);
    }

    /**
     * Ids of the router or session scope (requests, subscriptions, registrations): 1, 2, 3, … and back to 1 after
     * 2^53. Thread-safe; each scope owns one.
     */
    static IdGenerator sequential() {
        return IdGenerators.sequentialAfter(0);
    }
}

package dev.switchboard.wamp.spring.actuate;

import java.util.Map;

/**
 * Adds application values to every load event (e.g. {@code activeCalls}, {@code proposalsPerSec}). Declare one or more
 * as beans; their entries are added after the standard ones, and may replace them.
 */
@FunctionalInterface
public interface LoadContributor {

    /** The entries to add, with plain values (numbers, strings, booleans, lists, maps). */
    Map<String, ?> load();
}

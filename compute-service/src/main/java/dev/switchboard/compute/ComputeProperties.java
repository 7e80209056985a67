package dev.switchboard.compute;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The compute instance, under {@code switchboard.compute}.
 *
 * @param concurrency   the most anneal calls run at once (the registration's {@code concurrency}); 0 or less for the
 *                      available cores
 * @param cachedProblems how many prepared problems the instance keeps (least recently used ones are dropped)
 * @param maxDurationMs the longest anneal call accepted
 */
@ConfigurationProperties("switchboard.compute")
public record ComputeProperties(
        @DefaultValue("0") int concurrency,
        @DefaultValue("4") int cachedProblems,
        @DefaultValue("600000") long maxDurationMs) {

    public ComputeProperties {
        if (cachedProblems < 1) {
            throw new IllegalArgumentException("switchboard.compute.cached-problems must be at least 1");
        }
        if (maxDurationMs < 0) {
            throw new IllegalArgumentException("switchboard.compute.max-duration-ms must be at least 0");
        }
    }

    /** The configured concurrency, or the available cores. */
    public int effectiveConcurrency() {
        return concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors();
    }
}

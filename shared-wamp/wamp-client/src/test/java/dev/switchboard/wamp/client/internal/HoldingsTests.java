package dev.switchboard.wamp.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.client.ReconnectPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How far apart the tries at making a refused registration or subscription again are. */
class HoldingsTests {

    @Test
    void retriesUnderANeverReconnectPolicyStillBackOffToSeveralSeconds() {
        Holdings noJitterDrawn = new Holdings(ReconnectPolicy.NEVER, () -> 0.0);

        assertThat(noJitterDrawn.retryDelay(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(noJitterDrawn.retryDelay(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(noJitterDrawn.retryDelay(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(noJitterDrawn.retryDelay(100)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void jitterNeverBringsARetryBelowTheMinimumDelay() {
        ReconnectPolicy allJitter = new ReconnectPolicy(Duration.ZERO, Duration.ofMillis(150), 1.0, 1.0, 3);
        Holdings fullJitterDrawn = new Holdings(allJitter, () -> 0.999_999);

        for (int attempt = 1; attempt < 50; attempt++) {
            assertThat(fullJitterDrawn.retryDelay(attempt)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        }
    }

    @Test
    void retriesFollowTheReconnectPolicyWithinTheirBounds() {
        Holdings defaults = new Holdings(ReconnectPolicy.DEFAULT, () -> 0.0);
        assertThat(defaults.retryDelay(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(defaults.retryDelay(100)).isEqualTo(Duration.ofSeconds(30));

        Holdings slow = new Holdings(ReconnectPolicy.exponential(Duration.ofSeconds(1), Duration.ofMinutes(10)),
                () -> 0.0);
        assertThat(slow.retryDelay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(slow.retryDelay(100)).as("capped, so that a cleared refusal is noticed soon")
                .isEqualTo(Duration.ofSeconds(30));
    }
}

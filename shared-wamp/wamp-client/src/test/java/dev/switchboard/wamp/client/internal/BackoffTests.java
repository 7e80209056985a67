package dev.switchboard.wamp.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.wamp.client.ReconnectPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTests {

    private static final ReconnectPolicy POLICY =
            new ReconnectPolicy(Duration.ofMillis(100), Duration.ofSeconds(2), 2.0, 0.5, 5);

    @Test
    void delayGrowsExponentiallyUpToTheCap() {
        Backoff noJitterDrawn = new Backoff(POLICY, () -> 0.0);

        assertThat(noJitterDrawn.delay(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(noJitterDrawn.delay(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(noJitterDrawn.delay(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(noJitterDrawn.delay(5)).isEqualTo(Duration.ofMillis(1600));
        assertThat(noJitterDrawn.delay(6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(noJitterDrawn.delay(1000)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void jitterTakesUpToItsShareOffTheDelayAndNeverExceedsTheCap() {
        Backoff fullJitterDrawn = new Backoff(POLICY, () -> 0.999_999);

        assertThat(fullJitterDrawn.delay(1)).isBetween(Duration.ofMillis(50), Duration.ofMillis(51));
        assertThat(fullJitterDrawn.delay(100)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(1001));
        Backoff random = new Backoff(POLICY, () -> Math.random());
        for (int attempt = 1; attempt < 50; attempt++) {
            assertThat(random.delay(attempt)).isLessThanOrEqualTo(Duration.ofSeconds(2))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(50));
        }
    }

    @Test
    void attemptsAreAllowedUpToTheMaximum() {
        Backoff backoff = new Backoff(POLICY, () -> 0.0);

        assertThat(backoff.allows(5)).isTrue();
        assertThat(backoff.allows(6)).isFalse();
        assertThat(new Backoff(ReconnectPolicy.NEVER, () -> 0.0).allows(1)).isFalse();
        assertThat(new Backoff(ReconnectPolicy.DEFAULT, () -> 0.0).allows(Integer.MAX_VALUE)).isTrue();
    }

    @Test
    void policyRejectsNonsense() {
        assertThatThrownBy(() -> new ReconnectPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReconnectPolicy(Duration.ZERO, Duration.ZERO, 0.5, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReconnectPolicy(Duration.ZERO, Duration.ZERO, 1, 1.5, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReconnectPolicy(Duration.ZERO, Duration.ZERO, 1, 0, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

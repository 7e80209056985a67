package dev.switchboard.router.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AuthFailuresTests {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final AuthFailures failures = new AuthFailures(Duration.ofMinutes(1), Duration.ofMillis(250),
            Duration.ofSeconds(2), clock);

    @Test
    void theFirstFailureIsFreeAndEachFurtherOneWaitsTwiceAsLongUpToTheCap() {
        assertThat(failures.failed("tcp4:10.0.0.1")).isZero();
        assertThat(failures.failed("tcp4:10.0.0.1")).isEqualTo(Duration.ofMillis(250));
        assertThat(failures.failed("tcp4:10.0.0.1")).isEqualTo(Duration.ofMillis(500));
        assertThat(failures.failed("tcp4:10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
        assertThat(failures.failed("tcp4:10.0.0.1")).isEqualTo(Duration.ofSeconds(2));
        assertThat(failures.failed("tcp4:10.0.0.1")).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void addressesAreCountedApart() {
        failures.failed("tcp4:10.0.0.1");
        failures.failed("tcp4:10.0.0.1");
        assertThat(failures.failed("tcp4:10.0.0.2")).isZero();
    }

    @Test
    void anAddressThatStopsFailingForAWindowStartsAfresh() {
        failures.failed("tcp4:10.0.0.1");
        failures.failed("tcp4:10.0.0.1");
        now = now.plus(Duration.ofMinutes(2));
        assertThat(failures.failed("tcp4:10.0.0.1")).isZero();
    }
}

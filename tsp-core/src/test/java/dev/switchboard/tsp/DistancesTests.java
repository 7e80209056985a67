package dev.switchboard.tsp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DistancesTests {

    @Test
    void roundsTheEuclideanDistanceToTheNearestInteger() {
        assertThat(Distances.nint(0, 0, 3, 4)).isEqualTo(5);
        assertThat(Distances.nint(0, 0, 1, 1)).isEqualTo(1);
        assertThat(Distances.nint(0, 0, 1.5, 0)).isEqualTo(2);
        assertThat(Distances.nint(0, 0, 2.49, 0)).isEqualTo(2);
    }

    @Test
    void isSymmetricAndZeroForTheSamePoint() {
        City a = new City(565.0, 575.0);
        City b = new City(25.0, 185.0);
        assertThat(Distances.nint(a, b)).isEqualTo(Distances.nint(b, a)).isEqualTo(666);
        assertThat(Distances.nint(a, a)).isZero();
    }
}

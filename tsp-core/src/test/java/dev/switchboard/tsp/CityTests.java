package dev.switchboard.tsp;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class CityTests {

    @Test
    void rejectsCoordinatesThatAreNotFinite() {
        assertThatIllegalArgumentException().isThrownBy(() -> new City(Double.NaN, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new City(0, Double.POSITIVE_INFINITY));
    }
}

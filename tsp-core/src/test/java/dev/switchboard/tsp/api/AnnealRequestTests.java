package dev.switchboard.tsp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnealRequestTests {

    @Test
    void carriesTheTourAsAnImmutableListAndAnArray() {
        List<Integer> tour = new ArrayList<>(List.of(2, 0, 1));
        AnnealRequest request = new AnnealRequest("p1", tour, 50.0, 1.0, 300, 7);
        tour.set(0, 1);

        assertThat(request.tour()).containsExactly(2, 0, 1);
        assertThat(request.tourArray()).containsExactly(2, 0, 1);
        assertThat(request).isEqualTo(new AnnealRequest("p1", List.of(2, 0, 1), 50.0, 1.0, 300, 7));
    }

    @Test
    void rejectsNegativeOrNonFiniteTemperaturesAndDurations() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AnnealRequest("p", List.of(0), -1, 0, 1, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new AnnealRequest("p", List.of(0), Double.NaN, 0, 1, 0));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AnnealRequest("p", List.of(0), 1, Double.POSITIVE_INFINITY, 1, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new AnnealRequest("p", List.of(0), 1, 0, -1, 0));
    }
}

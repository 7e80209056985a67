package dev.switchboard.tsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class TourTests {

    private final Problem square = new Problem("square",
            List.of(new City(0, 0), new City(0, 10), new City(10, 10), new City(10, 0)));

    @Test
    void measuresTheClosedTourIncludingTheReturnEdge() {
        assertThat(Tour.of(0, 1, 2, 3).length(square)).isEqualTo(40);
        assertThat(Tour.length(square, new int[] {0, 2, 1, 3})).isEqualTo(10 + 14 + 10 + 14);
    }

    @Test
    void acceptsOnlyPermutations() {
        assertThat(Tour.isPermutation(new int[] {2, 0, 1}, 3)).isTrue();
        assertThat(Tour.isPermutation(new int[] {0, 1}, 3)).isFalse();
        assertThat(Tour.isPermutation(new int[] {0, 1, 1}, 3)).isFalse();
        assertThat(Tour.isPermutation(new int[] {0, 1, 3}, 3)).isFalse();
        assertThat(Tour.isPermutation(new int[] {0, -1, 2}, 3)).isFalse();
    }

    @Test
    void explainsWhyAnOrderIsNotATour() {
        assertThatIllegalArgumentException().isThrownBy(() -> Tour.of(0, 2, 1, 2))
                .withMessage("city 2 appears twice, at positions 1 and 3");
        assertThatIllegalArgumentException().isThrownBy(() -> Tour.of(0, 4, 1, 2))
                .withMessage("city 4 at position 1 is outside 0..3");
        assertThatIllegalArgumentException().isThrownBy(() -> Tour.length(square, new int[] {0, 1, 2}))
                .withMessage("a tour of 4 cities needs 4 entries, got 3");
    }

    @Test
    void isImmutableAndComparedByOrder() {
        int[] order = {1, 0, 2};
        Tour tour = Tour.of(order);
        order[0] = 2;
        tour.toArray()[1] = 2;

        assertThat(tour.toList()).containsExactly(1, 0, 2);
        assertThat(tour).isEqualTo(Tour.of(List.of(1, 0, 2))).hasSameHashCodeAs(Tour.of(1, 0, 2));
        assertThat(tour).isNotEqualTo(Tour.of(0, 1, 2));
        assertThat(Tour.identity(3).toArray()).containsExactly(0, 1, 2);
    }
}

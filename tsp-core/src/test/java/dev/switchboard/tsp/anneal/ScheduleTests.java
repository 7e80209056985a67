package dev.switchboard.tsp.anneal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import dev.switchboard.tsp.RandomProblems;
import org.junit.jupiter.api.Test;

class ScheduleTests {

    @Test
    void coolsGeometricallyOverTheBudget() {
        Schedule schedule = new Schedule(100, 1);

        assertThat(schedule.temperatureAt(0)).isEqualTo(100);
        assertThat(schedule.temperatureAt(0.5)).isCloseTo(10, within(1e-9));
        assertThat(schedule.temperatureAt(1)).isCloseTo(1, within(1e-9));
        assertThat(schedule.temperatureAt(2)).isCloseTo(1, within(1e-9));
        assertThat(schedule.temperatureAt(-1)).isEqualTo(100);
    }

    @Test
    void coolsLinearlyTowardsZero() {
        assertThat(new Schedule(10, 0).temperatureAt(0.25)).isEqualTo(7.5);
        assertThat(Schedule.constant(3).temperatureAt(0.7)).isEqualTo(3);
    }

    @Test
    void slicesAnEpochOutOfALongerSchedule() {
        Schedule epoch = new Schedule(100, 1).slice(0.5, 1);

        assertThat(epoch.t0()).isCloseTo(10, within(1e-9));
        assertThat(epoch.t1()).isCloseTo(1, within(1e-9));
    }

    @Test
    void suggestsTemperaturesInUnitsOfTheNearestNeighbourDistance() {
        PreparedProblem problem = PreparedProblem.of(RandomProblems.uniform(500, 3));
        double unit = problem.neighbours().meanNearestDistance();

        Schedule schedule = Schedule.suggested(problem);

        assertThat(schedule.t0()).isCloseTo(Schedule.SUGGESTED_T0 * unit, within(1e-9));
        assertThat(schedule.t1()).isCloseTo(Schedule.SUGGESTED_T1 * unit, within(1e-9));
        assertThat(schedule.t0()).isGreaterThan(schedule.t1());
    }

    @Test
    void rejectsNegativeAndNonFiniteTemperatures() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Schedule(-1, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new Schedule(1, Double.NaN));
        assertThatIllegalArgumentException().isThrownBy(() -> new Schedule(Double.POSITIVE_INFINITY, 1));
    }
}

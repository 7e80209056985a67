package dev.switchboard.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.client.IncomingEvent;
import dev.switchboard.wamp.message.EventDetails;
import dev.switchboard.wamp.message.Payload;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class HistoryEndpointsTests {

    private final DashboardHistory history =
            new DashboardHistory(() -> Instant.ofEpochMilli(5_000), Duration.ofMinutes(10), 10, 10, 10);
    private final HistoryEndpoints endpoints = new HistoryEndpoints(history);

    @Test
    void readsEventsFromKwargsOrFromADictInArgs0() {
        endpoints.onLoad(event(null, Map.of("instanceId", "a", "cpuProcess", 0.5)));
        endpoints.onLoad(event(List.of(Map.of("instanceId", "b", "cpuProcess", 0.25)), null));

        assertThat(instances()).extracting(i -> i.get("instanceId")).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void aFinishedRunWithItsTourIsAlsoTheLatestBest() {
        endpoints.onStarted(event(null, Map.of("runId", "r1", "state", "running")));
        endpoints.onFinished(event(null, Map.of("runId", "r1", "state", "finished", "length", 7542,
                "tour", List.of(0, 1, 2))));

        Map<String, Object> snapshot = snapshotKwargs();
        assertThat(snapshot.get("best")).isInstanceOfSatisfying(Map.class,
                best -> assertThat(best.get("length")).isEqualTo(7542));
        assertThat((List<?>) snapshot.get("runs")).hasSize(1);
    }

    @Test
    void answersTheSnapshotAsKwargsAndAsArgs0() {
        Payload.Arguments answer = endpoints.snapshot();

        assertThat(answer.args()).containsExactly(answer.kwargs());
        assertThat(answer.kwargs()).containsKeys("now", "windowMs", "instances", "runs", "best", "bestSeries");
    }

    private static IncomingEvent event(@Nullable List<?> args, @Nullable Map<String, ?> kwargs) {
        return new IncomingEvent("tsp.test", 1, EventDetails.DEFAULT, Payload.of(args, kwargs));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> instances() {
        return (List<Map<String, Object>>) snapshotKwargs().get("instances");
    }

    private Map<String, Object> snapshotKwargs() {
        return endpoints.snapshot().kwargs();
    }
}

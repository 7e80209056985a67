package dev.switchboard.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DashboardHistoryTests {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final DashboardHistory history =
            new DashboardHistory(() -> Instant.ofEpochMilli(now.get()), Duration.ofMinutes(10), 3, 2, 5);

    @Test
    void keepsLoadSamplesPerInstanceWithKindCoresAndFirstSeen() {
        history.onLoad(load("c-1", 0.5, 1000));
        now.addAndGet(1000);
        history.onLoad(load("c-1", 0.75, 2000));

        Map<String, Object> instance = instances().getFirst();
        assertThat(instance).containsEntry("instanceId", "c-1").containsEntry("kind", "service")
                .containsEntry("cores", 2L).containsEntry("firstSeen", 1_000_000L).containsEntry("lastSeen", 1_001_000L);
        assertThat(objects(instance.get("samples")))
                .containsExactly(List.of(1_000_000L, 0.5, 1000L, 1L), List.of(1_001_000L, 0.75, 2000L, 1L));
    }

    @Test
    void forgetsSamplesAndInstancesOlderThanTenMinutes() {
        history.onLoad(load("old", 0.1, 1));
        now.addAndGet(Duration.ofMinutes(5).toMillis());
        history.onLoad(load("young", 0.1, 1));
        now.addAndGet(Duration.ofMinutes(5).toMillis() + 1);

        assertThat(instances()).extracting(i -> i.get("instanceId")).containsExactly("young");
        now.addAndGet(Duration.ofMinutes(5).toMillis());
        assertThat(instances()).isEmpty();
    }

    @Test
    void staysBoundedWhateverThePublishersSend() {
        for (int i = 0; i < 10_000; i++) {
            now.addAndGet(10);
            history.onLoad(load("c-" + (i % 7), 0.2, i));
        }
        // three instances at most, each at most two samples per second of the 10-minute window
        assertThat(instances()).hasSize(3);
        assertThat(history.sampleCount()).isLessThanOrEqualTo(3 * 1200);

        for (int i = 0; i < 100; i++) {
            now.addAndGet(10);
            history.onRunState(Map.of("runId", "r" + i, "state", "running", "length", 1000 - i));
            history.onBest(Map.of("runId", "r" + i, "length", 1000 - i, "tour", List.of(0, 1, 2)));
        }
        Map<String, Object> snapshot = history.snapshot();
        assertThat((List<?>) snapshot.get("runs")).hasSize(2);
        assertThat((List<?>) snapshot.get("bestSeries")).hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void listsRunsNewestFirstWithoutToursAndFollowsTheNewestRunsBest() {
        history.onRunState(Map.of("runId", "r1", "state", "finished", "length", 7600, "tour", List.of(0, 1, 2)));
        history.onRunState(Map.of("runId", "r2", "state", "running"));
        now.addAndGet(100);
        history.onBest(Map.of("runId", "r2", "length", 8000, "tour", List.of(2, 1, 0)));
        now.addAndGet(100);
        history.onBest(Map.of("runId", "r2", "length", 7700, "tour", List.of(1, 2, 0)));
        history.onRunState(Map.of("runId", "r1", "state", "finished", "length", 7600)); // a late event of r1

        Map<String, Object> snapshot = history.snapshot();
        List<Map<String, Object>> runs = list(snapshot.get("runs"));
        assertThat(runs).extracting(r -> r.get("runId")).containsExactly("r2", "r1");
        assertThat(runs.get(1)).doesNotContainKey("tour");
        assertThat(map(snapshot.get("best"))).containsEntry("length", 7700).containsEntry("tour", List.of(1, 2, 0));
        assertThat(snapshot.get("bestSeriesRunId")).isEqualTo("r2");
        assertThat(objects(snapshot.get("bestSeries")))
                .containsExactly(List.of(1_000_100L, 8000L), List.of(1_000_200L, 7700L));
    }

    @Test
    void ignoresEventsWithoutAUsableId() {
        history.onLoad(Map.of("cpuProcess", 0.5));
        history.onLoad(Map.of("instanceId", "x".repeat(500)));
        history.onRunState(Map.of("state", "running"));
        history.onBest(Map.of("runId", "r", "tour", List.of()));

        Map<String, Object> snapshot = history.snapshot();
        assertThat(instances()).isEmpty();
        assertThat((List<?>) snapshot.get("runs")).isEmpty();
        assertThat(snapshot.get("best")).isNull();
    }

    private static Map<String, Object> load(String id, double cpu, long proposalsPerSec) {
        return Map.of("instanceId", id, "kind", "service", "cpuProcess", cpu, "cores", 2, "activeCalls", 1,
                "proposalsPerSec", proposalsPerSec);
    }

    private List<Map<String, Object>> instances() {
        return list(history.snapshot().get("instances"));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> objects(Object value) {
        return (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}

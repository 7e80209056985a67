package dev.switchboard.ui.history;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The last minutes of what the TSP topics said, bounded in time and in size: per compute instance its load samples
 * ({@code tsp.compute.load}), the recent runs' latest state ({@code tsp.run.started/progress/finished}), and the
 * newest run's best tour and best length over time ({@code tsp.run.best}).
 *
 * <p>Memory stays bounded whatever the publishers send: at most {@code maxInstances} instances with at most two
 * samples per second of the window each, {@code maxRuns} runs without their tours, one tour, and {@code maxSeries}
 * points. Events with no usable id are ignored. Thread-safe (every method locks the history).
 */
public final class DashboardHistory {

    /** Longer ids are not ids: such events are ignored rather than kept. */
    private static final int MAX_ID_LENGTH = 200;

    private final InstantSource clock;
    private final long windowMs;
    private final int maxInstances;
    private final int maxSamples;
    private final int maxRuns;
    private final int maxSeries;

    /** In the order last heard from: the first entry is the one to drop. */
    private final LinkedHashMap<String, InstanceTrack> instances = new LinkedHashMap<>();
    /** In the order first heard of: the last entry is the newest run. */
    private final LinkedHashMap<String, RunTrack> runs = new LinkedHashMap<>();
    private @Nullable Map<String, Object> best;
    private long bestAt;
    private final ArrayDeque<long[]> bestSeries = new ArrayDeque<>();
    private @Nullable String bestSeriesRunId;

    public DashboardHistory(InstantSource clock, Duration window, int maxInstances, int maxRuns, int maxSeries) {
        this.clock = clock;
        this.windowMs = window.toMillis();
        this.maxInstances = maxInstances;
        this.maxSamples = (int) Math.max(60, windowMs / 500);
        this.maxRuns = maxRuns;
        this.maxSeries = maxSeries;
    }

    /** A {@code tsp.compute.load} event: {@code {instanceId, kind, cpuProcess, cores, activeCalls, proposalsPerSec}}. */
    public synchronized void onLoad(Map<String, ?> event) {
        String id = id(event.get("instanceId"));
        if (id == null) {
            return;
        }
        long now = clock.millis();
        InstanceTrack track = instances.remove(id);
        if (track == null) {
            track = new InstanceTrack(id, now);
        }
        instances.put(id, track);
        track.kind = event.get("kind") instanceof String kind && kind.length() <= MAX_ID_LENGTH ? kind : "service";
        track.cores = (long) number(event.get("cores"), 0);
        track.lastSeen = now;
        double cpu = number(event.get("cpuProcess"), Double.NaN);
        track.samples.addLast(new Sample(now, Double.isNaN(cpu) ? null : cpu,
                (long) number(event.get("proposalsPerSec"), 0), (long) number(event.get("activeCalls"), 0)));
        while (track.samples.size() > maxSamples) {
            track.samples.removeFirst();
        }
        while (instances.size() > maxInstances) {
            Iterator<String> eldest = instances.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
        prune(now);
    }

    /** A run state from {@code tsp.run.started}, {@code tsp.run.progress} or {@code tsp.run.finished}. */
    public synchronized void onRunState(Map<String, ?> state) {
        String runId = id(state.get("runId"));
        if (runId == null) {
            return;
        }
        long now = clock.millis();
        Map<String, Object> summary = new LinkedHashMap<>(state);
        summary.remove("tour");
        summary.remove("instances");
        RunTrack track = runs.get(runId);
        if (track == null) {
            track = new RunTrack();
            runs.put(runId, track);
        }
        track.state = summary;
        track.updated = now;
        if (state.get("length") instanceof Number length) {
            addToSeries(runId, now, length.longValue());
        }
        while (runs.size() > maxRuns) {
            Iterator<String> eldest = runs.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
        prune(now);
    }

    /** A {@code tsp.run.best} event: {@code {runId, problemId, length, gap?, tour, elapsedMs, instanceId}}. */
    public synchronized void onBest(Map<String, ?> event) {
        String runId = id(event.get("runId"));
        if (runId == null || !(event.get("length") instanceof Number length)) {
            return;
        }
        long now = clock.millis();
        best = new LinkedHashMap<>(event);
        bestAt = now;
        addToSeries(runId, now, length.longValue());
        prune(now);
    }

    /** What {@code tsp.ui.history} answers; see docs/tsp-api.md. */
    public synchronized Map<String, Object> snapshot() {
        long now = clock.millis();
        prune(now);
        List<Map<String, Object>> instanceList = new ArrayList<>(instances.size());
        for (InstanceTrack track : instances.values()) {
            List<List<@Nullable Object>> samples = new ArrayList<>(track.samples.size());
            for (Sample sample : track.samples) {
                List<@Nullable Object> row = new ArrayList<>(4);
                row.add(sample.t());
                row.add(sample.cpu());
                row.add(sample.proposalsPerSec());
                row.add(sample.activeCalls());
                samples.add(row);
            }
            Map<String, Object> instance = new LinkedHashMap<>();
            instance.put("instanceId", track.id);
            instance.put("kind", track.kind);
            instance.put("cores", track.cores);
            instance.put("firstSeen", track.firstSeen);
            instance.put("lastSeen", track.lastSeen);
            instance.put("samples", samples);
            instanceList.add(instance);
        }
        List<Map<String, Object>> runList = new ArrayList<>(runs.size());
        for (RunTrack track : runs.values()) {
            runList.addFirst(track.state);
        }
        List<List<Long>> series = new ArrayList<>(bestSeries.size());
        for (long[] point : bestSeries) {
            series.add(List.of(point[0], point[1]));
        }
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("now", now);
        snapshot.put("windowMs", windowMs);
        snapshot.put("instances", instanceList);
        snapshot.put("runs", runList);
        snapshot.put("best", best);
        snapshot.put("bestSeriesRunId", bestSeriesRunId);
        snapshot.put("bestSeries", series);
        return snapshot;
    }

    /** The samples held now, over all instances (for tests and metrics). */
    public synchronized int sampleCount() {
        return instances.values().stream().mapToInt(track -> track.samples.size()).sum();
    }

    private void addToSeries(String runId, long now, long length) {
        if (!runId.equals(bestSeriesRunId)) {
            boolean newest = !runs.containsKey(runId) || runId.equals(runs.lastEntry().getKey());
            if (bestSeriesRunId != null && runs.containsKey(bestSeriesRunId) && !newest) {
                return; // an older run's late event must not take the series from the newest run
            }
            bestSeriesRunId = runId;
            bestSeries.clear();
        }
        long[] last = bestSeries.peekLast();
        if (last != null && last[1] == length) {
            return;
        }
        bestSeries.addLast(new long[] {now, length});
        while (bestSeries.size() > maxSeries) {
            bestSeries.removeFirst();
        }
    }

    private void prune(long now) {
        long oldest = now - windowMs;
        instances.values().removeIf(track -> {
            while (!track.samples.isEmpty() && track.samples.peekFirst().t() < oldest) {
                track.samples.removeFirst();
            }
            return track.lastSeen < oldest;
        });
        runs.values().removeIf(track -> track.updated < oldest);
        if (best != null && bestAt < oldest && !runs.containsKey(String.valueOf(best.get("runId")))) {
            best = null;
        }
        while (!bestSeries.isEmpty() && bestSeries.peekFirst()[0] < oldest) {
            bestSeries.removeFirst();
        }
        if (bestSeries.isEmpty()) {
            bestSeriesRunId = null;
        }
    }

    private static @Nullable String id(@Nullable Object value) {
        return value instanceof String id && !id.isBlank() && id.length() <= MAX_ID_LENGTH ? id : null;
    }

    private static double number(@Nullable Object value, double otherwise) {
        return value instanceof Number number && Double.isFinite(number.doubleValue()) ? number.doubleValue()
                : otherwise;
    }

    private record Sample(long t, @Nullable Double cpu, long proposalsPerSec, long activeCalls) {
    }

    private static final class InstanceTrack {
        final String id;
        final long firstSeen;
        long lastSeen;
        String kind = "service";
        long cores;
        final ArrayDeque<Sample> samples = new ArrayDeque<>();

        InstanceTrack(String id, long firstSeen) {
            this.id = id;
            this.firstSeen = firstSeen;
            this.lastSeen = firstSeen;
        }
    }

    private static final class RunTrack {
        Map<String, Object> state = Map.of();
        long updated;
    }
}

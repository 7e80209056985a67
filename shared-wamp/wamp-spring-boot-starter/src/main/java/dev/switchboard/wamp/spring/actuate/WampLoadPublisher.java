package dev.switchboard.wamp.spring.actuate;

import dev.switchboard.wamp.client.ConnectionState;
import dev.switchboard.wamp.client.WampClient;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.spring.WampValues;
import dev.switchboard.wamp.spring.endpoint.WampEndpointRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes the application's load on a topic once per interval while the session is established, as one event
 * whose keyword arguments are
 * {@code {instanceId, kind, cpuProcess, cpuSystem, cores, heapUsed, handlersBusy, …}}: CPU loads from 0 to 1 (or
 * {@code null} when unknown), {@code heapUsed} in bytes, {@code handlersBusy} the invocations and events the
 * annotated endpoints are handling, then the entries of every {@link LoadContributor} (the Micrometer one adds the
 * configured meters). {@code cpuProcess} is the process's share of all cores since the previous sample.
 */
public final class WampLoadPublisher implements SmartLifecycle {

    private static final Log log = LogFactory.getLog(WampLoadPublisher.class);

    private final WampClient client;
    private final WampValues values;
    private final @Nullable WampEndpointRegistry endpoints;
    private final List<LoadContributor> contributors;
    private final String topic;
    private final Duration interval;
    private final String instanceId;
    private final String kind;
    private @Nullable ScheduledExecutorService scheduler;
    private long lastCpuNanos = ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    private long lastSampleNanos = System.nanoTime();

    public WampLoadPublisher(WampClient client, WampValues values, @Nullable WampEndpointRegistry endpoints,
                             List<LoadContributor> contributors, String topic, Duration interval, String instanceId,
                             String kind) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the load interval must be positive, not " + interval);
        }
        this.client = client;
        this.values = values;
        this.endpoints = endpoints;
        this.contributors = List.copyOf(contributors);
        this.topic = topic;
        this.interval = interval;
        this.instanceId = instanceId;
        this.kind = kind;
    }

    /** The load now, as the next event will carry it. */
    public Map<String, Object> sample() {
        Map<String, Object> load = new LinkedHashMap<>();
        load.put("instanceId", instanceId);
        load.put("kind", kind);
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            load.put("cpuProcess", processCpu(sun));
            load.put("cpuSystem", fraction(sun.getCpuLoad()));
        } else {
            load.put("cpuProcess", null);
            load.put("cpuSystem", null);
        }
        load.put("cores", (long) Runtime.getRuntime().availableProcessors());
        load.put("heapUsed", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        load.put("handlersBusy", endpoints == null ? 0L : (long) endpoints.busyHandlers());
        for (LoadContributor contributor : contributors) {
            contributor.load().forEach((key, value) -> load.put(key, values.toPlain(value)));
        }
        return load;
    }

    public String topic() {
        return topic;
    }

    /**
     * The process's CPU load since the previous sample: CPU time over wall time times cores. Measured here from the
     * process's CPU time, because the JVM's own {@code getProcessCpuLoad()} answers for the time since its previous
     * call by anyone (a metrics scrape just before would leave next to nothing to measure).
     */
    private synchronized @Nullable Double processCpu(com.sun.management.OperatingSystemMXBean os) {
        long cpu = os.getProcessCpuTime();
        long now = System.nanoTime();
        if (cpu < 0) {
            return null;
        }
        long wall = now - lastSampleNanos;
        double load = wall <= 0 ? 0 : (cpu - lastCpuNanos) / (double) wall / Runtime.getRuntime().availableProcessors();
        lastCpuNanos = cpu;
        lastSampleNanos = now;
        return Math.clamp(load, 0.0, 1.0);
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "wamp-load-publisher");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleAtFixedRate(this::publish, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = scheduler;
        if (running != null) {
            running.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    private void publish() {
        if (client.state() != ConnectionState.ESTABLISHED) {
            return;
        }
        try {
            client.publish(topic, Payload.of(null, sample())).exceptionally(failure -> {
                log.debug("Could not publish the load on " + topic + ": " + failure);
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("Could not sample the load for " + topic, e);
        }
    }

    private static @Nullable Double fraction(double load) {
        return load >= 0 ? load : null;
    }
}

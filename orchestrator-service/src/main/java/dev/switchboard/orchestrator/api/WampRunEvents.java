package dev.switchboard.orchestrator.api;

import dev.switchboard.orchestrator.run.Run;
import dev.switchboard.orchestrator.run.RunEvents;
import dev.switchboard.tsp.api.TspUris;
import dev.switchboard.wamp.client.WampClient;
import dev.switchboard.wamp.message.Payload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes runs on the {@code tsp.run.*} topics (docs/tsp-api.md), each payload as kwargs and as args[0]. */
final class WampRunEvents implements RunEvents {

    private static final Logger log = LoggerFactory.getLogger(WampRunEvents.class);

    private final WampClient client;

    WampRunEvents(WampClient client) {
        this.client = client;
    }

    @Override
    public void started(Run run) {
        publish(TspUris.RUN_STARTED, run.snapshot(Run.Detail.SUMMARY));
    }

    @Override
    public void progress(Run run) {
        publish(TspUris.RUN_PROGRESS, run.snapshot(Run.Detail.PROGRESS));
    }

    @Override
    public void best(Run run, Run.Best best) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("runId", run.id());
        event.put("problemId", run.request().problem().problemId());
        event.put("length", best.length());
        event.put("gap", run.gap(best.length()));
        event.put("tour", Run.tourList(best.tour()));
        event.put("elapsedMs", best.elapsedMs());
        event.put("instanceId", best.instanceId());
        publish(TspUris.RUN_BEST, event);
    }

    @Override
    public void finished(Run run) {
        publish(TspUris.RUN_FINISHED, run.snapshot(Run.Detail.FULL));
    }

    private void publish(String topic, Map<String, Object> payload) {
        try {
            client.publish(topic, Payload.of(List.of(payload), payload)).exceptionally(failure -> {
                log.debug("Not published on {}: {}", topic, failure.toString());
                return null;
            });
        } catch (RuntimeException e) {
            log.debug("Not published on {}: {}", topic, e.toString());
        }
    }
}

package dev.switchboard.ui.history;

import dev.switchboard.tsp.api.TspUris;
import dev.switchboard.wamp.client.IncomingEvent;
import dev.switchboard.wamp.message.InvocationPolicy;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.spring.annotation.WampProcedure;
import dev.switchboard.wamp.spring.annotation.WampSubscriber;
import java.util.List;
import java.util.Map;

/**
 * Feeds the {@link DashboardHistory} from the TSP topics and answers {@code tsp.ui.history}. Every ui-service
 * instance keeps its own history, so the procedure is registered with {@code invoke: roundrobin}: any of them answers.
 */
public final class HistoryEndpoints {

    private final DashboardHistory history;

    public HistoryEndpoints(DashboardHistory history) {
        this.history = history;
    }

    @WampSubscriber(TspUris.COMPUTE_LOAD)
    public void onLoad(IncomingEvent event) {
        history.onLoad(dictOf(event));
    }

    @WampSubscriber(TspUris.RUN_STARTED)
    public void onStarted(IncomingEvent event) {
        history.onRunState(dictOf(event));
    }

    @WampSubscriber(TspUris.RUN_PROGRESS)
    public void onProgress(IncomingEvent event) {
        history.onRunState(dictOf(event));
    }

    @WampSubscriber(TspUris.RUN_FINISHED)
    public void onFinished(IncomingEvent event) {
        Map<String, Object> state = dictOf(event);
        history.onRunState(state);
        if (state.get("tour") instanceof List<?> && state.get("length") != null) {
            history.onBest(state);
        }
    }

    @WampSubscriber(TspUris.RUN_BEST)
    public void onBest(IncomingEvent event) {
        history.onBest(dictOf(event));
    }

    /** The snapshot as kwargs and, for clients without kwargs, as args[0]. */
    @WampProcedure(uri = TspUris.UI_HISTORY, invoke = InvocationPolicy.ROUNDROBIN)
    public Payload.Arguments snapshot() {
        Map<String, Object> snapshot = history.snapshot();
        return Payload.of(List.of(snapshot), snapshot);
    }

    /** The event's kwargs, or its dict in args[0] when it has none. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> dictOf(IncomingEvent event) {
        Map<String, Object> kwargs = event.kwargs();
        if ((kwargs == null || kwargs.isEmpty()) && !event.args().isEmpty()
                && event.args().get(0) instanceof Map<?, ?> dict) {
            return (Map<String, Object>) dict;
        }
        return kwargs == null ? Map.of() : kwargs;
    }
}

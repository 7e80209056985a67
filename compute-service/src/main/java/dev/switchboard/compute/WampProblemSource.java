package dev.switchboard.compute;

import dev.switchboard.tsp.api.ProblemPayload;
import dev.switchboard.tsp.api.TspUris;
import dev.switchboard.wamp.client.CallResult;
import dev.switchboard.wamp.client.WampException;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.spring.WampTemplate;
import dev.switchboard.wamp.spring.WampValues;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/** Fetches problems with {@code tsp.problem.get {problemId}}; the problem is read from args[0] or from kwargs. */
final class WampProblemSource implements ProblemSource {

    private final WampTemplate template;
    private final WampValues values;

    WampProblemSource(WampTemplate template, WampValues values) {
        this.template = template;
        this.values = values;
    }

    @Override
    public ProblemPayload fetch(String problemId) {
        CallResult result;
        try {
            result = template.call(TspUris.PROBLEM_GET, Payload.of(null, Map.of("problemId", problemId))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnknownProblemException("interrupted while fetching problem " + problemId);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String reason = cause instanceof WampException wamp ? wamp.error() + " " + wamp.args() : cause.toString();
            throw new UnknownProblemException("unknown problem " + problemId + ": " + TspUris.PROBLEM_GET
                    + " answered " + reason);
        }
        @Nullable Object plain = result.arg(0) != null ? result.arg(0) : result.kwargs();
        try {
            ProblemPayload payload = values.convert(plain, ProblemPayload.class);
            if (payload == null) {
                throw new IllegalArgumentException("no problem in the result");
            }
            return payload;
        } catch (RuntimeException e) {
            throw new UnknownProblemException("problem " + problemId + " from " + TspUris.PROBLEM_GET
                    + " is not a problem: " + e.getMessage());
        }
    }
}

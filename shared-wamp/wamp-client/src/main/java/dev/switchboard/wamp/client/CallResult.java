package dev.switchboard.wamp.client;

import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.ResultDetails;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A RESULT: the callee's (final or progressive) answer to a call.
 *
 * @param arguments the {@code YIELD.Arguments} and {@code YIELD.ArgumentsKw} the callee sent
 * @param details   the {@code RESULT.Details} ({@code progress} for a progressive result)
 */
public record CallResult(Payload.Arguments arguments, ResultDetails details) {

    public List<Object> args() {
        return arguments.args();
    }

    public Map<String, Object> kwargs() {
        return arguments.kwargs();
    }

    /** The positional argument at {@code index}, or {@code null} when there is none (or it is JSON null). */
    public @Nullable Object arg(int index) {
        return index < arguments.args().size() ? arguments.args().get(index) : null;
    }

    public boolean progress() {
        return details.progress();
    }
}

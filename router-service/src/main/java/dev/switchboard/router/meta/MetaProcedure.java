package dev.switchboard.router.meta;

import dev.switchboard.router.realm.Realm;
import dev.switchboard.wamp.message.Payload;
import java.util.Collections;
import org.jspecify.annotations.Nullable;

/** One {@code wamp.*} procedure of the meta session: its URI and how it answers a call. */
record MetaProcedure(String uri, Handler handler) {

    /** Answers one call on the routing loop: the YIELD arguments, or a {@link MetaError}. */
    @FunctionalInterface
    interface Handler {
        Payload answer(Call call);
    }

    /**
     * One call of a meta procedure.
     *
     * @param callerId the calling session ({@code INVOCATION.Details.caller}; 0 if not disclosed)
     * @param caller   the calling session as a member of the realm, {@code null} if it is no longer one
     */
    record Call(long callerId, Realm.@Nullable Member caller, Arguments arguments) {
    }

    /** A result of one positional argument, which may be {@code null} ("nothing found"). */
    static Payload result(@Nullable Object value) {
        return Payload.of(Collections.singletonList(value), null);
    }
}

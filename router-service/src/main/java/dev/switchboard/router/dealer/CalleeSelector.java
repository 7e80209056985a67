package dev.switchboard.router.dealer;

import dev.switchboard.wamp.message.InvocationPolicy;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * Picks the callee of a shared registration for the next call, among those with a free concurrency slot (advanced
 * profile, "Shared Registration"; per-callee concurrency as in Crossbar.io). One strategy per invocation policy.
 */
interface CalleeSelector {

    /** A callee with a free slot, or {@code null} when every callee is at its limit. */
    @Nullable Callee select(List<Callee> callees);

    static CalleeSelector forPolicy(InvocationPolicy policy) {
        return switch (policy) {
            case SINGLE, FIRST -> CalleeSelector::first;
            case LAST -> CalleeSelector::last;
            case RANDOM -> CalleeSelector::random;
            case ROUNDROBIN -> new RoundRobin();
        };
    }

    private static @Nullable Callee first(List<Callee> callees) {
        for (Callee callee : callees) {
            if (callee.hasFreeSlot()) {
                return callee;
            }
        }
        return null;
    }

    private static @Nullable Callee last(List<Callee> callees) {
        for (int i = callees.size() - 1; i >= 0; i--) {
            if (callees.get(i).hasFreeSlot()) {
                return callees.get(i);
            }
        }
        return null;
    }

    /** Uniformly among the callees with a free slot. */
    private static @Nullable Callee random(List<Callee> callees) {
        int free = 0;
        for (Callee callee : callees) {
            if (callee.hasFreeSlot()) {
                free++;
            }
        }
        if (free == 0) {
            return null;
        }
        int pick = ThreadLocalRandom.current().nextInt(free);
        for (Callee callee : callees) {
            if (callee.hasFreeSlot() && pick-- == 0) {
                return callee;
            }
        }
        return null;
    }

    /** Callees take turns in registration order; a busy callee's turn passes to the next one. */
    final class RoundRobin implements CalleeSelector {
        private int next;

        @Override
        public @Nullable Callee select(List<Callee> callees) {
            int size = callees.size();
            for (int i = 0; i < size; i++) {
                int index = (next + i) % size;
                Callee callee = callees.get(index);
                if (callee.hasFreeSlot()) {
                    next = (index + 1) % size;
                    return callee;
                }
            }
            return null;
        }
    }
}

package dev.switchboard.orchestrator.run;

import dev.switchboard.tsp.api.AnnealRequest;
import dev.switchboard.tsp.api.AnnealResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The compute instances as a run sees them: anneal calls, and how many instances are registered. */
public interface ComputeGateway {

    /** How a call that brought no result failed. */
    enum Failure {
        /** Every slot was busy (the dealer's {@code max_concurrency_reached}) or none is registered. */
        NO_FREE_SLOT,
        /** The call went out but brought no result: the instance errored, left or did not answer in time. */
        LOST
    }

    /** An anneal call in flight. */
    interface Call {

        /** Completes with the result, or exceptionally with a {@link ComputeException}. */
        CompletableFuture<AnnealResult> result();

        /** Cancels the call ({@code kill}: the instance stops it). */
        void cancel();

        /** A call whose outcome is {@code result} and whose cancel runs {@code cancel}. */
        static Call of(CompletableFuture<AnnealResult> result, Runnable cancel) {
            return new Call() {
                @Override
                public CompletableFuture<AnnealResult> result() {
                    return result;
                }

                @Override
                public void cancel() {
                    cancel.run();
                }
            };
        }
    }

    /** A call that brought no result. */
    final class ComputeException extends RuntimeException {

        private final Failure failure;

        public ComputeException(Failure failure, String message) {
            super(message, null, false, false);
            this.failure = failure;
        }

        public Failure failure() {
            return failure;
        }
    }

    /** Calls {@code tsp.compute.anneal}, failing it when no result comes within {@code timeout}. */
    Call anneal(AnnealRequest request, Duration timeout);

    /** The number of sessions registered for {@code tsp.compute.anneal} (0 when there is no registration). */
    CompletableFuture<Integer> callees();
}

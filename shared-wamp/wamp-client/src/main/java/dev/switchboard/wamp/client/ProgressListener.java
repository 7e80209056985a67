package dev.switchboard.wamp.client;

/**
 * Receives the progressive results of a call (advanced profile, "Progressive Call Results"), in the order the callee
 * sent them and all before the call's future completes. Giving one to a call sets {@code receive_progress}.
 */
@FunctionalInterface
public interface ProgressListener {

    void onProgress(CallResult progress);
}

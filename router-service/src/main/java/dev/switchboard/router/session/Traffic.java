package dev.switchboard.router.session;

/** Counts WAMP messages by type and direction, for metrics. Called from any thread; must be cheap. */
public interface Traffic {

    Traffic NONE = new Traffic() {
        @Override
        public void received(int type) {
        }

        @Override
        public void sent(int type) {
        }
    };

    /** A message of {@code type} arrived from a client. */
    void received(int type);

    /** A message of {@code type} was queued for a client. */
    void sent(int type);
}

package dev.switchboard.wamp.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/** Records the states a client passes through, and the causes it gives. */
final class StateRecorder implements ConnectionStateListener {

    final List<ConnectionState> states = new CopyOnWriteArrayList<>();
    final List<Throwable> causes = new CopyOnWriteArrayList<>();

    @Override
    public void onStateChanged(ConnectionState previous, ConnectionState current, @Nullable Throwable cause) {
        states.add(current);
        if (cause != null) {
            causes.add(cause);
        }
    }

    boolean reached(ConnectionState state) {
        return states.contains(state);
    }

    /** The states recorded from the {@code index}-th on. */
    List<ConnectionState> since(int index) {
        return List.copyOf(states.subList(index, states.size()));
    }
}

package dev.switchboard.wamp.client.internal;

import dev.switchboard.wamp.client.SessionDetails;
import dev.switchboard.wamp.client.WampException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/** Keeps what a session reports. */
final class RecordingSessionListener implements SessionListener {

    volatile @Nullable SessionDetails welcomed;
    volatile @Nullable WampException aborted;
    volatile @Nullable Throwable closed;
    final List<Object> revoked = new CopyOnWriteArrayList<>();

    @Override
    public void joining(Session session) {
    }

    @Override
    public void welcomed(Session session, SessionDetails details) {
        welcomed = details;
    }

    @Override
    public void aborted(Session session, WampException reason) {
        aborted = reason;
    }

    @Override
    public void closed(Session session, Throwable cause) {
        closed = cause;
    }

    @Override
    public void revoked(RealRegistration registration) {
        revoked.add(registration);
    }

    @Override
    public void revoked(RealSubscription subscription) {
        revoked.add(subscription);
    }
}

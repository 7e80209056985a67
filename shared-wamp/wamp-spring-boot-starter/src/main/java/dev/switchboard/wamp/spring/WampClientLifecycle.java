package dev.switchboard.wamp.spring;

import dev.switchboard.wamp.client.WampClient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Connects the application's client when the context starts (without waiting: the client keeps trying in the
 * background) and disconnects it when the context stops.
 */
public final class WampClientLifecycle implements SmartLifecycle {

    private static final Log log = LogFactory.getLog(WampClientLifecycle.class);

    private final WampClient client;
    private volatile boolean running;

    public WampClientLifecycle(WampClient client) {
        this.client = client;
    }

    @Override
    public void start() {
        running = true;
        client.connect().exceptionally(failure -> {
            if (running) {
                log.warn("The WAMP client gave up connecting: " + failure);
            }
            return null;
        });
    }

    @Override
    public void stop() {
        running = false;
        client.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

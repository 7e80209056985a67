package dev.switchboard.router.transport;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@link TransportProperties} bound the way the application binds them, from {@code key=value} pairs. */
final class TestProperties {

    static final String PREFIX = "switchboard.router.transport";

    private TestProperties() {
    }

    /** The defaults with the RawSocket port 0 and the given settings, e.g. {@code "ping-interval=100ms"}. */
    static TransportProperties of(String... settings) {
        Map<String, String> source = new HashMap<>();
        source.put(PREFIX + ".rawsocket.port", "0");
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            source.put(PREFIX + "." + setting.substring(0, equals), setting.substring(equals + 1));
        }
        return new Binder(new MapConfigurationPropertySource(source)).bindOrCreate(PREFIX, TransportProperties.class);
    }
}

package dev.switchboard.wamp.spring.actuate;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Measurement;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configured meters of the application's Micrometer registry, each under its name (the first measurement of a
 * gauge, counter or timer, summed over its tags), when it exists. The CPU loads are not taken from Micrometer's
 * {@code process.cpu.usage}: the JVM measures that since its previous reading by anyone, so two readings in a row
 * leave the second next to nothing ({@link WampLoadPublisher} measures the process's load itself).
 */
public final class MeterLoadContributor implements LoadContributor {

    private final MeterRegistry registry;
    private final List<String> meters;

    public MeterLoadContributor(MeterRegistry registry, List<String> meters) {
        this.registry = registry;
        this.meters = List.copyOf(meters);
    }

    @Override
    public Map<String, ?> load() {
        Map<String, Object> load = new LinkedHashMap<>();
        for (String meter : meters) {
            put(load, meter, meter);
        }
        return load;
    }

    private void put(Map<String, Object> load, String key, String meterName) {
        double sum = 0;
        boolean found = false;
        for (Meter meter : registry.find(meterName).meters()) {
            Iterator<Measurement> measurements = meter.measure().iterator();
            if (measurements.hasNext()) {
                double value = measurements.next().getValue();
                if (!Double.isNaN(value)) {
                    sum += value;
                    found = true;
                }
            }
        }
        if (found) {
            load.put(key, sum);
        }
    }
}

package dev.switchboard.wamp.spring.actuate;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Measurement;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The load as the application's Micrometer registry sees it: {@code cpuProcess} and {@code cpuSystem} from the
 * {@code process.cpu.usage} and {@code system.cpu.usage} gauges when they exist, and each configured meter under its
 * name (the first measurement of a gauge, counter or timer, summed over its tags), when it exists.
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
        put(load, "cpuProcess", "process.cpu.usage");
        put(load, "cpuSystem", "system.cpu.usage");
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

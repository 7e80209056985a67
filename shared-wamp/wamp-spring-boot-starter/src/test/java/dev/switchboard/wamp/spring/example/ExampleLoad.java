package dev.switchboard.wamp.spring.example;

import dev.switchboard.wamp.spring.actuate.LoadContributor;
import java.util.Map;
import org.springframework.stereotype.Component;

/** An application value in every load event. */
@Component
public class ExampleLoad implements LoadContributor {

    @Override
    public Map<String, ?> load() {
        return Map.of("answer", 42);
    }
}

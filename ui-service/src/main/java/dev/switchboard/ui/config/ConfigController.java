package dev.switchboard.ui.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /config.json}: what the dashboard's browser code needs to connect, from {@link UiProperties}. It holds
 * no secret: the backend's own credentials ({@code switchboard.wamp.auth.*}) are not part of it.
 */
@RestController
public class ConfigController {

    private final UiProperties properties;

    public ConfigController(UiProperties properties) {
        this.properties = properties;
    }

    @GetMapping(path = "/config.json", produces = "application/json")
    public ResponseEntity<Map<String, Object>> config() {
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("method", properties.auth().method());
        auth.put("authid", properties.auth().authid());
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("routerUrl", properties.routerUrl());
        config.put("realm", properties.realm());
        config.put("auth", auth);
        config.put("historyWindowMs", properties.history().window().toMillis());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(config);
    }
}

package dev.switchboard.ui.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The whole application without a router ({@code switchboard.wamp.enabled=false}), on a random port. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "switchboard.wamp.enabled=false",
        "switchboard.wamp.auth.method=ticket",
        "switchboard.wamp.auth.authid=ui-backend",
        "switchboard.wamp.auth.secret=backend-ticket-not-for-browsers",
        "switchboard.ui.router-url=wss://router.example/ws",
        "switchboard.ui.realm=tsp",
        "switchboard.ui.auth.method=wampcra",
        "switchboard.ui.auth.authid=dashboard"})
class ConfigControllerTests {

    @LocalServerPort
    int port;

    @Test
    void servesTheBrowsersSettingsFromProperties() throws Exception {
        HttpResponse<String> response = get("/config.json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.body()).isEqualTo("{\"routerUrl\":\"wss://router.example/ws\",\"realm\":\"tsp\","
                + "\"auth\":{\"method\":\"wampcra\",\"authid\":\"dashboard\"},\"historyWindowMs\":600000}");
    }

    @Test
    void neverShowsTheBackendsCredentials() throws Exception {
        assertThat(get("/config.json").body()).doesNotContain("backend-ticket-not-for-browsers", "ui-backend");
    }

    @Test
    void servesTheDashboardAndUplotFromTheJar() throws Exception {
        assertThat(get("/").body()).contains("<title>Switchboard</title>");
        assertThat(get("/js/wamp/session.js").statusCode()).isEqualTo(200);
        assertThat(get("/webjars/uplot/dist/uPlot.iife.min.js").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}

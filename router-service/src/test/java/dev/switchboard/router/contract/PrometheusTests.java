package dev.switchboard.router.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.message.Call;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.Error;
import dev.switchboard.wamp.message.Invocation;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.RegisterOptions;
import dev.switchboard.wamp.message.Result;
import dev.switchboard.wamp.message.Unregister;
import dev.switchboard.wamp.message.Unregistered;
import dev.switchboard.wamp.message.Yield;
import dev.switchboard.wamp.message.YieldOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The series README.md documents, as a Prometheus server scrapes them from {@code /actuator/prometheus} of the running
 * router after some traffic; and the series of a procedure going with its registration.
 */
class PrometheusTests extends RunningRouter {

    @Test
    void theDocumentedSeriesAreScrapedAfterSomeTrafficAndAProceduresSeriesGoWithItsRegistration() throws Exception {
        TestClient callee = join(Transport.WEBSOCKET, Serialization.JSON);
        TestClient caller = join(Transport.RAWSOCKET, Serialization.MSGPACK);
        String procedure = unique("prometheus.echo");
        long registration = callee.register(procedure, RegisterOptions.DEFAULT);
        answer(caller, callee, procedure, null);
        answer(caller, callee, procedure, "com.example.error.random_" + System.nanoTime());
        caller.send(new Call(caller.nextRequestId(), CallOptions.DEFAULT, unique("prometheus.missing"),
                Payload.EMPTY));
        caller.expect(Error.class);

        List<String> scraped = scrape();

        assertSeries(scraped, "wamp_sessions", "realm", "realm1");
        assertSeries(scraped, "wamp_routing_backlog", "realm", "realm1");
        assertSeries(scraped, "wamp_messages_total", "direction", "in", "type", "CALL");
        assertSeries(scraped, "wamp_messages_total", "direction", "out", "type", "RESULT");
        assertSeries(scraped, "wamp_calls_total", "realm", "realm1", "procedure", procedure, "outcome", "result");
        assertSeries(scraped, "wamp_calls_total", "realm", "realm1", "procedure", procedure,
                "outcome", "application_error");
        assertSeries(scraped, "wamp_calls_total", "realm", "realm1", "procedure", "none",
                "outcome", "wamp.error.no_such_procedure");
        assertSeries(scraped, "wamp_calls_pending", "realm", "realm1", "procedure", procedure);
        assertSeries(scraped, "wamp_call_duration_seconds_bucket", "realm", "realm1", "procedure", procedure,
                "le", "+Inf");
        assertSeries(scraped, "wamp_call_duration_seconds_count", "realm", "realm1", "procedure", procedure);
        for (String transport : List.of("websocket", "rawsocket")) {
            assertSeries(scraped, "wamp_transport_connections", "transport", transport);
            assertSeries(scraped, "wamp_transport_outbound_queued", "transport", transport);
            assertSeries(scraped, "wamp_transport_outbound_queued_max", "transport", transport);
            assertSeries(scraped, "wamp_transport_outbound_overflows_total", "transport", transport);
            assertSeries(scraped, "wamp_transport_protocol_violations_total", "transport", transport);
        }
        assertThat(scraped).as("application error URIs make no series of their own")
                .noneMatch(line -> line.contains("com.example.error.random_"));

        callee.send(new Unregister(callee.nextRequestId(), registration));
        callee.expect(Unregistered.class);
        assertThat(scrape()).as("the series of the deleted registration")
                .noneMatch(line -> line.contains("procedure=\"" + procedure + "\""));
    }

    /** A call of {@code procedure}, answered by {@code callee} with a result, or with {@code error} if given. */
    private static void answer(TestClient caller, TestClient callee, String procedure,
                               @Nullable String error) {
        long request = caller.nextRequestId();
        caller.send(new Call(request, CallOptions.DEFAULT, procedure, Payload.EMPTY));
        Invocation invocation = callee.expect(Invocation.class);
        if (error == null) {
            callee.send(new Yield(invocation.requestId(), YieldOptions.DEFAULT, Payload.of("ok")));
            assertThat(caller.expect(Result.class).requestId()).isEqualTo(request);
        } else {
            callee.send(new Error(Invocation.TYPE, invocation.requestId(), Map.of(), error, Payload.EMPTY));
            assertThat(caller.expect(Error.class).error()).isEqualTo(error);
        }
    }

    private List<String> scrape() throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + endpoints().webSocketPort() + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body().lines().filter(line -> !line.startsWith("#")).toList();
        }
    }

    /** Some sample of series {@code name} has every label given as name, value, name, value ... */
    private static void assertSeries(List<String> scraped, String name, String... labels) {
        List<String> wanted = new ArrayList<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.add(labels[i] + "=\"" + labels[i + 1] + "\"");
        }
        assertThat(scraped).as("a sample of %s with %s", name, Arrays.toString(labels))
                .anyMatch(line -> line.startsWith(name + "{") && wanted.stream().allMatch(line::contains));
    }
}

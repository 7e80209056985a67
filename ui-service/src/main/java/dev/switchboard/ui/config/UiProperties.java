package dev.switchboard.ui.config;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dashboard, under {@code switchboard.ui}. What the browser needs is served as {@code /config.json}; the backend's
 * own WAMP connection is {@code switchboard.wamp.*} and is never shown to the browser.
 *
 * @param routerUrl the router's WebSocket endpoint as the browser reaches it (may differ from the backend's): a
 *                  {@code ws://} or {@code wss://} URL, or a path such as {@code /ws} on the page's own host (behind
 *                  an Ingress or proxy that routes it to the router; {@code wss} when the page came over https)
 * @param realm     the realm the browser joins
 * @param auth      how the browser authenticates; its secret is typed in by the user, never configured here
 * @param history   what the backend remembers for {@code tsp.ui.history}
 */
@ConfigurationProperties("switchboard.ui")
public record UiProperties(
        @DefaultValue("ws://localhost:8080/ws") String routerUrl,
        @DefaultValue("realm1") String realm,
        @DefaultValue BrowserAuth auth,
        @DefaultValue History history) {

    public UiProperties {
        if (!routerUrl.startsWith("ws://") && !routerUrl.startsWith("wss://") && !routerUrl.startsWith("/")) {
            throw new IllegalArgumentException("switchboard.ui.router-url must be a ws:// or wss:// URL or a path on"
                    + " the page's host such as /ws, got " + routerUrl);
        }
        if (realm.isBlank()) {
            throw new IllegalArgumentException("switchboard.ui.realm must not be blank");
        }
    }

    /**
     * The browser's authentication.
     *
     * @param method {@code anonymous}, {@code ticket} or {@code wampcra}; for the last two the dashboard asks for the
     *               secret
     * @param authid the identity the browser authenticates as (ticket, wampcra); empty lets the user type it
     */
    public record BrowserAuth(@DefaultValue("anonymous") String method, @Nullable String authid) {

        public BrowserAuth {
            if (!method.equals("anonymous") && !method.equals("ticket") && !method.equals("wampcra")) {
                throw new IllegalArgumentException(
                        "switchboard.ui.auth.method must be anonymous, ticket or wampcra, got " + method);
            }
        }
    }

    /**
     * The history the backend keeps.
     *
     * @param window       how far back it remembers load samples and runs
     * @param maxInstances the most compute instances it tracks (the least recently heard from is dropped)
     * @param maxRuns      the most runs it keeps
     * @param maxSeries    the most points of the newest run's best-length series
     */
    public record History(
            @DefaultValue("10m") Duration window,
            @DefaultValue("256") int maxInstances,
            @DefaultValue("50") int maxRuns,
            @DefaultValue("2000") int maxSeries) {

        public History {
            if (window.isNegative() || window.isZero() || maxInstances < 1 || maxRuns < 1 || maxSeries < 1) {
                throw new IllegalArgumentException("switchboard.ui.history: the window and every limit must be positive");
            }
        }
    }
}

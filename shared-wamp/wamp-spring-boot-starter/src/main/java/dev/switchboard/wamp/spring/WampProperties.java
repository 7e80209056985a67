package dev.switchboard.wamp.spring;

import dev.switchboard.wamp.codec.Serialization;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The WAMP client of a Spring Boot application, under {@code switchboard.wamp}.
 *
 * @param enabled     whether to configure the WAMP client at all; {@code false} starts nothing
 * @param url         the router's WebSocket endpoint, {@code ws://} or {@code wss://}
 * @param realm       the realm to join
 * @param serializer  the serialization (WebSocket subprotocol): json, msgpack or cbor
 * @param callTimeout the timeout {@link WampTemplate} puts on every call ({@code CALL.Options.timeout}); zero for
 *                    none
 * @param auth        how the client authenticates
 * @param reconnect   when the client reconnects after the connection failed or was lost
 * @param load        the load publisher
 * @param ssl         TLS for {@code wss://} URLs
 */
@ConfigurationProperties("switchboard.wamp")
public record WampProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("ws://localhost:8080/ws") URI url,
        @DefaultValue("realm1") String realm,
        @DefaultValue("json") Serialization serializer,
        @DefaultValue("30s") Duration callTimeout,
        @DefaultValue Auth auth,
        @DefaultValue Reconnect reconnect,
        @DefaultValue Load load,
        @DefaultValue Ssl ssl) {

    /** The authentication methods the client can offer. */
    public enum AuthMethod {
        /** No credentials. */
        ANONYMOUS,
        /** The secret is sent as it is. */
        TICKET,
        /** Challenge-response with an HMAC of the secret. */
        WAMPCRA,
        /** Ed25519 signatures; the secret is the hex-encoded 32-byte private key. */
        CRYPTOSIGN
    }

    /**
     * Authentication.
     *
     * @param method   the authentication method offered in HELLO
     * @param authid   the identity to authenticate as (required by ticket and wampcra)
     * @param authrole the role asked for, if any
     * @param secret   the credential: the ticket, the wampcra secret or the cryptosign private key (hex)
     */
    public record Auth(
            @DefaultValue("anonymous") AuthMethod method,
            @Nullable String authid,
            @Nullable String authrole,
            @Nullable String secret) {
    }

    /**
     * Reconnecting with exponential backoff and jitter.
     *
     * @param enabled      whether to reconnect at all
     * @param initialDelay the delay before the first retry
     * @param maxDelay     the cap on any delay
     * @param multiplier   the growth of the delay per attempt, at least 1
     * @param jitter       the random share of each delay, from 0 to 1
     * @param maxAttempts  how many retries in a row before giving up; negative for never giving up
     */
    public record Reconnect(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("200ms") Duration initialDelay,
            @DefaultValue("30s") Duration maxDelay,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("0.5") double jitter,
            @DefaultValue("-1") int maxAttempts) {
    }

    /**
     * The load publisher: one event with the application's CPU and memory load per interval.
     *
     * @param topic      the topic to publish on (e.g. {@code tsp.compute.load}); no publisher without one
     * @param interval   how often to publish
     * @param instanceId the {@code instanceId} in every event; by default the application name, host and a random
     *                   suffix
     * @param kind       the {@code kind} in every event
     * @param meters     names of further Micrometer gauges, counters or timers to add to every event
     */
    public record Load(
            @Nullable String topic,
            @DefaultValue("1s") Duration interval,
            @Nullable String instanceId,
            @DefaultValue("service") String kind,
            @DefaultValue List<String> meters) {
    }

    /**
     * TLS for {@code wss://} URLs.
     *
     * @param bundle the Spring Boot SSL bundle ({@code spring.ssl.bundle.*}) whose trust material (and key, for client
     *               certificates) the client uses, e.g. one trusting a private CA; the JVM's defaults without one
     */
    public record Ssl(@Nullable String bundle) {
    }
}

package dev.switchboard.router.config;

import dev.switchboard.wamp.Match;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The router's realms and routing limits ({@code switchboard.router.*}).
 *
 * @param realms the realms clients may join; by default one realm, {@code realm1}, open to anonymous clients
 * @param calls  limits that apply to every call
 * @param limits limits on what one session may do
 */
@ConfigurationProperties("switchboard.router")
public record RouterProperties(@Nullable List<RealmConfig> realms, @DefaultValue Calls calls,
                               @DefaultValue Limits limits) {

    public RouterProperties {
        realms = realms == null || realms.isEmpty() ? List.of(new RealmConfig("realm1", null, null)) : List.copyOf(realms);
    }

    /**
     * One realm.
     *
     * @param name the realm's URI, as clients give it in HELLO
     * @param auth  how clients authenticate; when absent, every client is let in anonymously with the role
     *              {@code anonymous}
     * @param roles what each role may do; when absent, every session may do everything (the getting-started
     *              default); when present, anything no rule of the session's role allows is denied
     */
    public record RealmConfig(String name, @Nullable Auth auth, @Nullable Map<String, RoleConfig> roles) {
    }

    /**
     * A role's permissions: static rules, or a dynamic authorizer.
     *
     * @param permissions       the rules; for a request, the best-matching rule decides (exact, longest prefix,
     *                          wildcard)
     * @param trusted           whether the role may use the administrative meta procedures
     *                          ({@code wamp.session.kill*}) and register the procedures the router calls (dynamic
     *                          authenticators and authorizers)
     * @param authorizer        instead of rules, the URI of a procedure on this realm that decides each request of
     *                          the role (Crossbar.io's dynamic authorizer); only a trusted role may register it
     * @param authorizerTimeout how long the authorizer has to answer; no answer denies. Default 5 s
     */
    public record RoleConfig(@Nullable List<PermissionConfig> permissions, @DefaultValue("false") boolean trusted,
                             @Nullable String authorizer, @DefaultValue("5s") Duration authorizerTimeout) {

        public RoleConfig {
            permissions = permissions == null ? List.of() : List.copyOf(permissions);
            if (authorizer != null && !permissions.isEmpty()) {
                throw new IllegalArgumentException("a role has either permissions or an authorizer, not both");
            }
            if (!authorizerTimeout.isPositive()) {
                throw new IllegalArgumentException("authorizer-timeout must be positive, got " + authorizerTimeout);
            }
        }
    }

    /**
     * One permission rule, in the shape Crossbar.io uses.
     *
     * @param uri      the URI or pattern
     * @param match    how {@code uri} matches
     * @param allow    the actions allowed
     * @param disclose whom the router discloses even unasked
     */
    public record PermissionConfig(String uri, @DefaultValue("exact") Match match, @DefaultValue Allow allow,
                                   @DefaultValue Disclose disclose) {
    }

    /** The actions a permission allows. */
    public record Allow(@DefaultValue("false") boolean call, @DefaultValue("false") boolean register,
                        @DefaultValue("false") boolean publish, @DefaultValue("false") boolean subscribe) {
    }

    /**
     * Disclosure a permission forces.
     *
     * @param caller    callers are disclosed to callees
     * @param publisher publishers are disclosed to subscribers
     */
    public record Disclose(@DefaultValue("false") boolean caller, @DefaultValue("false") boolean publisher) {
    }

    /**
     * The authentication methods of a realm; a client picks the first of its offered methods the realm has.
     *
     * @param anonymous  lets clients in without credentials, with this role; absent: no anonymous access
     * @param ticket     ticket principals by authid
     * @param wampcra    WAMP-CRA users by authid
     * @param cryptosign WAMP-Cryptosign principals by authid
     * @param dynamic    methods whose principals a dynamic authenticator checks instead of this configuration
     */
    public record Auth(@Nullable Anonymous anonymous, @Nullable Map<String, Ticket> ticket,
                       @Nullable Map<String, WampCra> wampcra, @Nullable Map<String, Cryptosign> cryptosign,
                       @Nullable Dynamic dynamic) {

        public Auth {
            ticket = ticket == null ? Map.of() : Map.copyOf(ticket);
            wampcra = wampcra == null ? Map.of() : Map.copyOf(wampcra);
            cryptosign = cryptosign == null ? Map.of() : Map.copyOf(cryptosign);
            if (dynamic != null && dynamic.methods().contains("ticket") && !ticket.isEmpty()) {
                throw new IllegalArgumentException("ticket is either static (auth.ticket) or dynamic (auth.dynamic)");
            }
        }
    }

    /**
     * A dynamic authenticator (Crossbar.io's {@code "type": "dynamic"}): a WAMP procedure the router calls with
     * {@code (realm, authid, details)} to admit a client; it answers with the role, or {@code {role, authid?,
     * extra?}}, or an ERROR that refuses.
     *
     * @param authenticator the procedure's URI; only a session of a trusted role of {@code realm} may register it
     * @param methods       the methods it checks; {@code ticket} (the default) is the one supported: the router
     *                      challenges for the ticket and passes it in {@code details.ticket}
     * @param realm         the realm where the procedure is registered (e.g. a realm of the router's own services);
     *                      absent: this realm
     * @param timeout       how long the authenticator has to answer; no answer refuses. Default 5 s
     */
    public record Dynamic(String authenticator, @Nullable List<String> methods, @Nullable String realm,
                          @DefaultValue("5s") Duration timeout) {

        public Dynamic {
            methods = methods == null || methods.isEmpty() ? List.of("ticket") : List.copyOf(methods);
            for (String method : methods) {
                if (!"ticket".equals(method)) {
                    throw new IllegalArgumentException("a dynamic authenticator checks ticket only, not " + method);
                }
            }
            if (!timeout.isPositive()) {
                throw new IllegalArgumentException("auth.dynamic.timeout must be positive, got " + timeout);
            }
        }
    }

    /**
     * Anonymous access.
     *
     * @param role the role anonymous sessions get
     */
    public record Anonymous(@DefaultValue("anonymous") String role) {
    }

    /**
     * A ticket principal. The ticket comes from the value (which may be an environment placeholder such as
     * {@code ${SERVICE_TICKET}}) or from a file (e.g. a mounted Kubernetes Secret); the router keeps only its hash.
     *
     * @param role       the role the principal gets
     * @param ticket     the ticket
     * @param ticketFile a file holding the ticket (surrounding whitespace is ignored)
     */
    public record Ticket(String role, @Nullable String ticket, @Nullable Path ticketFile) {
    }

    /**
     * A WAMP-CRA user. With a {@code salt}, the secret is derived with PBKDF2-HMAC-SHA256 and only the derived key
     * is kept.
     *
     * @param role       the role the user gets
     * @param secret     the secret
     * @param secretFile a file holding the secret (surrounding whitespace is ignored)
     * @param salt       the PBKDF2 salt; absent: an unsalted secret
     * @param iterations PBKDF2 iterations
     * @param keylen     PBKDF2 derived key length in bytes
     */
    public record WampCra(String role, @Nullable String secret, @Nullable Path secretFile, @Nullable String salt,
                          @DefaultValue("1000") int iterations, @DefaultValue("32") int keylen) {
    }

    /**
     * A WAMP-Cryptosign principal.
     *
     * @param role           the role the principal gets
     * @param authorizedKeys the Ed25519 public keys (hex, 64 characters) it may authenticate with
     */
    public record Cryptosign(String role, List<String> authorizedKeys) {
    }

    /**
     * Call limits.
     *
     * @param defaultTimeout the timeout of a call that sets none ({@code 0}: none)
     * @param maxTimeout     the longest timeout a call gets, whatever it asks for ({@code 0}: no cap)
     * @param queues         procedures whose calls wait in a bounded FIFO queue when every callee is at its
     *                       concurrency limit, instead of failing with {@code crossbar.error.max_concurrency_reached}
     */
    public record Calls(@DefaultValue("5m") Duration defaultTimeout, @DefaultValue("1h") Duration maxTimeout,
                        @Nullable List<CallQueue> queues) {

        public Calls {
            queues = queues == null ? List.of() : List.copyOf(queues);
        }
    }

    /**
     * A call queue.
     *
     * @param uri      the procedure URI or pattern
     * @param match    how {@code uri} matches procedures
     * @param capacity how many calls may wait
     */
    public record CallQueue(String uri, @DefaultValue("exact") Match match, int capacity) {
    }

    /**
     * Limits on what one session may do ({@code switchboard.router.limits.*}); {@code 0} means no limit. The
     * transports read {@code connections-per-address} from the same prefix.
     *
     * @param messagesPerSecond       messages a session may send a second, on average (a token bucket); a faster
     *                                session is closed with GOODBYE {@code switchboard.close.rate_limited}, or ABORT
     *                                before it is established. Default {@code 0}: the router's own benchmark drives
     *                                some 185,000 calls a second through one session
     * @param messageBurst            how many messages a session may send at once above that rate; {@code 0}, the
     *                                default: one second's worth
     * @param pendingCallsPerSession  calls one session may have waiting for their answer; a further CALL gets ERROR
     *                                {@code switchboard.error.too_many_pending_calls}. Default 10,000
     * @param subscriptionsPerSession subscriptions one session may have; a further SUBSCRIBE gets ERROR
     *                                {@code switchboard.error.too_many_subscriptions}. Default 10,000
     */
    public record Limits(@DefaultValue("0") int messagesPerSecond, @DefaultValue("0") int messageBurst,
                         @DefaultValue("10000") int pendingCallsPerSession,
                         @DefaultValue("10000") int subscriptionsPerSession) {

        public Limits {
            if (messagesPerSecond < 0 || messageBurst < 0 || pendingCallsPerSession < 0
                    || subscriptionsPerSession < 0) {
                throw new IllegalArgumentException("switchboard.router.limits.* must not be negative");
            }
        }
    }
}

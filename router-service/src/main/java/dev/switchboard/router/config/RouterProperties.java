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
 */
@ConfigurationProperties("switchboard.router")
public record RouterProperties(@Nullable List<RealmConfig> realms, @DefaultValue Calls calls) {

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
     * A role's permissions.
     *
     * @param permissions the rules; for a request, the best-matching rule decides (exact, longest prefix, wildcard)
     * @param trusted     whether the role may use the administrative meta procedures ({@code wamp.session.kill*})
     */
    public record RoleConfig(@Nullable List<PermissionConfig> permissions, @DefaultValue("false") boolean trusted) {

        public RoleConfig {
            permissions = permissions == null ? List.of() : List.copyOf(permissions);
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
     */
    public record Auth(@Nullable Anonymous anonymous, @Nullable Map<String, Ticket> ticket,
                       @Nullable Map<String, WampCra> wampcra, @Nullable Map<String, Cryptosign> cryptosign) {

        public Auth {
            ticket = ticket == null ? Map.of() : Map.copyOf(ticket);
            wampcra = wampcra == null ? Map.of() : Map.copyOf(wampcra);
            cryptosign = cryptosign == null ? Map.of() : Map.copyOf(cryptosign);
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
}

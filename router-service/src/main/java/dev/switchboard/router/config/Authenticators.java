package dev.switchboard.router.config;

import dev.switchboard.router.auth.AnonymousAuthenticator;
import dev.switchboard.router.auth.Authenticator;
import dev.switchboard.router.auth.CryptosignAuthenticator;
import dev.switchboard.router.auth.DynamicTicketAuthenticator;
import dev.switchboard.router.auth.ProcedureCaller;
import dev.switchboard.router.auth.TicketAuthenticator;
import dev.switchboard.router.auth.WampCraAuthenticator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Builds a realm's authenticators from its configuration, reading secrets from values or files. */
final class Authenticators {

    private Authenticators() {
    }

    static List<Authenticator> of(RouterProperties.RealmConfig realm) {
        return of(realm, name -> {
            throw new IllegalStateException("no realm " + name + " to call a dynamic authenticator on");
        });
    }

    /** @param callers the router's caller on each realm, for dynamic authenticators */
    static List<Authenticator> of(RouterProperties.RealmConfig realm, Function<String, ProcedureCaller> callers) {
        RouterProperties.Auth auth = realm.auth();
        if (auth == null) {
            return List.of(new AnonymousAuthenticator("anonymous"));
        }
        List<Authenticator> authenticators = new ArrayList<>();
        if (auth.anonymous() != null) {
            authenticators.add(new AnonymousAuthenticator(auth.anonymous().role()));
        }
        RouterProperties.Dynamic dynamic = auth.dynamic();
        if (dynamic != null) {
            ProcedureCaller caller = callers.apply(dynamic.realm() == null ? realm.name() : dynamic.realm());
            authenticators.add(new DynamicTicketAuthenticator(dynamic.authenticator(), caller, dynamic.timeout()));
        }
        if (!auth.ticket().isEmpty()) {
            Map<String, Map.Entry<String, String>> tickets = new LinkedHashMap<>();
            auth.ticket().forEach((authid, principal) -> tickets.put(authid, Map.entry(principal.role(),
                    secret(realm, "ticket", authid, principal.ticket(), principal.ticketFile()))));
            authenticators.add(new TicketAuthenticator(tickets));
        }
        if (!auth.wampcra().isEmpty()) {
            Map<String, WampCraAuthenticator.User> users = new LinkedHashMap<>();
            auth.wampcra().forEach((authid, user) -> users.put(authid, new WampCraAuthenticator.User(user.role(),
                    secret(realm, "wampcra", authid, user.secret(), user.secretFile()), user.salt(),
                    user.iterations(), user.keylen())));
            authenticators.add(new WampCraAuthenticator(users));
        }
        if (!auth.cryptosign().isEmpty()) {
            Map<String, CryptosignAuthenticator.Principal> principals = new LinkedHashMap<>();
            auth.cryptosign().forEach((authid, principal) -> principals.put(authid,
                    new CryptosignAuthenticator.Principal(principal.role(), principal.authorizedKeys())));
            authenticators.add(new CryptosignAuthenticator(principals));
        }
        return List.copyOf(authenticators);
    }

    /** The secret from its value or its file; the error names the principal, never the secret. */
    private static String secret(RouterProperties.RealmConfig realm, String method, String authid,
                                 @Nullable String value, @Nullable Path file) {
        if (value != null && value.contains("${")) {
            // Spring leaves a placeholder whose variable is not set as it is: never let it become a secret
            throw new IllegalStateException("the " + method + " secret of " + authid + " in realm " + realm.name()
                    + " is an unresolved placeholder: set the environment variable or property it names");
        }
        if (value != null && !value.isBlank()) {
            return value;
        }
        if (file != null) {
            try {
                return Files.readString(file).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the " + method + " secret of " + authid + " in realm "
                        + realm.name() + " from " + file, e);
            }
        }
        throw new IllegalStateException("the " + method + " principal " + authid + " of realm " + realm.name()
                + " has no secret: set it or a file holding it");
    }
}

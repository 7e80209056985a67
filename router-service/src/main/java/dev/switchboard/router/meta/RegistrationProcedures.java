package dev.switchboard.router.meta;

import dev.switchboard.router.dealer.Callee;
import dev.switchboard.router.dealer.Dealer;
import dev.switchboard.router.dealer.Registration;
import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.Match;
import dev.switchboard.wamp.matching.UriPattern;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The registration meta procedures (advanced profile, "Registration Meta API"), answered from the dealer's state.
 * Registrations the meta API does not describe ({@link MetaDetails#isVisible}) do not exist for them.
 */
final class RegistrationProcedures {

    static final String LIST = "wamp.registration.list";
    static final String LOOKUP = "wamp.registration.lookup";
    static final String MATCH = "wamp.registration.match";
    static final String GET = "wamp.registration.get";
    static final String LIST_CALLEES = "wamp.registration.list_callees";
    static final String COUNT_CALLEES = "wamp.registration.count_callees";

    private final Dealer dealer;

    RegistrationProcedures(Dealer dealer) {
        this.dealer = dealer;
    }

    List<MetaProcedure> procedures() {
        return List.of(
                new MetaProcedure(LIST, call -> list()),
                new MetaProcedure(LOOKUP, this::lookup),
                new MetaProcedure(MATCH, this::match),
                new MetaProcedure(GET, call -> MetaProcedure.result(MetaDetails.registration(existing(call)))),
                new MetaProcedure(LIST_CALLEES, call -> MetaProcedure.result(callees(existing(call)))),
                new MetaProcedure(COUNT_CALLEES,
                        call -> MetaProcedure.result((long) existing(call).callees().size())));
    }

    /** {@code wamp.registration.list()} → {@code RegistrationLists}. */
    private Payload list() {
        MetaDetails.IdsByMatch ids = new MetaDetails.IdsByMatch();
        for (Registration registration : dealer.all()) {
            if (MetaDetails.isVisible(registration.pattern())) {
                ids.add(registration.pattern(), registration.id());
            }
        }
        return MetaProcedure.result(ids.toDict());
    }

    /** {@code wamp.registration.lookup(procedure, options?)} → the id of the registration of the pattern, or null. */
    private Payload lookup(MetaProcedure.Call call) {
        String procedure = call.arguments().string(0, "procedure");
        Match match = matchOption(call.arguments().dict(1, "options"));
        return idOrNull(dealer.lookup(new UriPattern(procedure, match)));
    }

    /** {@code wamp.registration.match(procedure)} → the id of the registration a call would go to, or null. */
    private Payload match(MetaProcedure.Call call) {
        return idOrNull(dealer.match(call.arguments().string(0, "procedure")));
    }

    private static Payload idOrNull(@Nullable Registration registration) {
        boolean found = registration != null && MetaDetails.isVisible(registration.pattern());
        return MetaProcedure.result(found ? registration.id() : null);
    }

    /** The registration named by the first argument, else {@code wamp.error.no_such_registration}. */
    private Registration existing(MetaProcedure.Call call) {
        long id = call.arguments().id(0, "registration");
        Registration registration = dealer.get(id);
        if (registration == null || !MetaDetails.isVisible(registration.pattern())) {
            throw new MetaError(ErrorUris.NO_SUCH_REGISTRATION, "no registration with id " + id);
        }
        return registration;
    }

    private static List<Object> callees(Registration registration) {
        List<Long> ids = new ArrayList<>();
        for (Callee callee : registration.callees()) {
            ids.add(callee.peer().sessionId());
        }
        return Values.list(ids);
    }

    /** {@code options.match} as in REGISTER.Options / SUBSCRIBE.Options; {@code exact} when absent. */
    static Match matchOption(Map<String, Object> options) {
        Object value = options.get("match");
        if (value == null) {
            return Match.EXACT;
        }
        Match match = value instanceof String name ? Match.fromWireName(name) : null;
        if (match == null) {
            throw new MetaError(ErrorUris.INVALID_ARGUMENT,
                    "options.match must be exact, prefix or wildcard, got " + Values.describe(value));
        }
        return match;
    }
}

package dev.switchboard.router.meta;

import dev.switchboard.router.broker.Subscription;
import dev.switchboard.router.dealer.Registration;
import dev.switchboard.router.realm.SessionInfo;
import dev.switchboard.wamp.Match;
import dev.switchboard.wamp.WampUri;
import dev.switchboard.wamp.matching.UriPattern;
import dev.switchboard.wamp.message.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dictionaries the meta API reports (session details, {@code RegistrationDetails}, {@code SubscriptionDetails},
 * {@code RegistrationLists}/{@code SubscriptionLists}), and which registrations and subscriptions it reports at all.
 */
final class MetaDetails {

    private MetaDetails() {
    }

    /**
     * Whether the meta API reports a registration or subscription of {@code pattern}. Like Crossbar.io, it does not
     * describe itself: nothing under the reserved {@code wamp.} namespace (its own procedures, and subscriptions to
     * meta events) is listed, found or announced by a meta event.
     */
    static boolean isVisible(UriPattern pattern) {
        return !WampUri.isReserved(pattern.uri());
    }

    /** {@code wamp.session.get} and {@code wamp.session.on_join}. */
    static Map<String, Object> session(SessionInfo session) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("session", session.sessionId());
        details.put("realm", session.realm());
        details.put("authid", session.authid());
        details.put("authrole", session.authrole());
        details.put("authmethod", session.authmethod());
        details.put("authprovider", session.authprovider());
        details.put("authextra", session.authextra());
        details.put("transport", session.transport());
        return Values.map(details);
    }

    /** {@code RegistrationDetails}: id, created (ISO 8601), uri, match and invoke. */
    static Map<String, Object> registration(Registration registration) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("id", registration.id());
        details.put("created", registration.created().toString());
        details.put("uri", registration.pattern().uri());
        details.put("match", registration.pattern().match().wireName());
        details.put("invoke", registration.policy().wireName());
        return Values.map(details);
    }

    /** {@code SubscriptionDetails}: id, created (ISO 8601), uri and match. */
    static Map<String, Object> subscription(Subscription subscription) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("id", subscription.id());
        details.put("created", subscription.created().toString());
        details.put("uri", subscription.pattern().uri());
        details.put("match", subscription.pattern().match().wireName());
        return Values.map(details);
    }

    /** Builds {@code {"exact": [ids], "prefix": [ids], "wildcard": [ids]}}. */
    static final class IdsByMatch {

        private final Map<Match, List<Long>> ids = new LinkedHashMap<>();

        IdsByMatch() {
            for (Match match : Match.values()) {
                ids.put(match, new ArrayList<>());
            }
        }

        void add(UriPattern pattern, long id) {
            ids.get(pattern.match()).add(id);
        }

        Map<String, Object> toDict() {
            Map<String, Object> dict = new LinkedHashMap<>();
            ids.forEach((match, list) -> dict.put(match.wireName(), Values.list(list)));
            return Values.map(dict);
        }
    }
}

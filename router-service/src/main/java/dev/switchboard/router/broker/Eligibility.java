package dev.switchboard.router.broker;

import dev.switchboard.router.routing.Peer;
import dev.switchboard.wamp.message.PublishOptions;
import java.util.List;

/**
 * Who may receive a publication: publisher exclusion ({@code exclude_me}), subscriber black- and whitelisting by
 * session id, authid and authrole (advanced profile). A subscriber must pass every rule.
 */
final class Eligibility {

    private Eligibility() {
    }

    static boolean receives(Peer subscriber, Peer publisher, PublishOptions options) {
        long session = subscriber.sessionId();
        if (options.excludeMe() && session == publisher.sessionId()) {
            return false;
        }
        if (options.exclude().contains(session)
                || options.excludeAuthid().contains(subscriber.authid())
                || options.excludeAuthrole().contains(subscriber.authrole())) {
            return false;
        }
        return admits(options.eligible(), session)
                && admits(options.eligibleAuthid(), subscriber.authid())
                && admits(options.eligibleAuthrole(), subscriber.authrole());
    }

    private static <T> boolean admits(List<T> whitelist, T value) {
        return whitelist == null || whitelist.contains(value);
    }
}

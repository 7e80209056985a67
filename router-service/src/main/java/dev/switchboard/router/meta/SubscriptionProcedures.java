package dev.switchboard.router.meta;

import dev.switchboard.router.broker.Broker;
import dev.switchboard.router.broker.Subscription;
import dev.switchboard.router.routing.Peer;
import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.Match;
import dev.switchboard.wamp.matching.UriPattern;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * The subscription meta procedures (advanced profile, "Subscription Meta API"), answered from the broker's state.
 * Subscriptions the meta API does not describe ({@link MetaDetails#isVisible}) do not exist for them.
 */
final class SubscriptionProcedures {

    static final String LIST = "wamp.subscription.list";
    static final String LOOKUP = "wamp.subscription.lookup";
    static final String MATCH = "wamp.subscription.match";
    static final String GET = "wamp.subscription.get";
    static final String LIST_SUBSCRIBERS = "wamp.subscription.list_subscribers";
    static final String COUNT_SUBSCRIBERS = "wamp.subscription.count_subscribers";

    private final Broker broker;

    SubscriptionProcedures(Broker broker) {
        this.broker = broker;
    }

    List<MetaProcedure> procedures() {
        return List.of(
                new MetaProcedure(LIST, call -> list()),
                new MetaProcedure(LOOKUP, this::lookup),
                new MetaProcedure(MATCH, this::match),
                new MetaProcedure(GET, call -> MetaProcedure.result(MetaDetails.subscription(existing(call)))),
                new MetaProcedure(LIST_SUBSCRIBERS, call -> MetaProcedure.result(subscribers(existing(call)))),
                new MetaProcedure(COUNT_SUBSCRIBERS,
                        call -> MetaProcedure.result((long) existing(call).subscribers().size())));
    }

    /** {@code wamp.subscription.list()} → {@code SubscriptionLists}. */
    private Payload list() {
        MetaDetails.IdsByMatch ids = new MetaDetails.IdsByMatch();
        for (Subscription subscription : broker.all()) {
            if (MetaDetails.isVisible(subscription.pattern())) {
                ids.add(subscription.pattern(), subscription.id());
            }
        }
        return MetaProcedure.result(ids.toDict());
    }

    /** {@code wamp.subscription.lookup(topic, options?)} → the id of the subscription of that pattern, or null. */
    private Payload lookup(MetaProcedure.Call call) {
        String topic = call.arguments().string(0, "topic");
        Match match = RegistrationProcedures.matchOption(call.arguments().dict(1, "options"));
        Subscription subscription = broker.lookup(new UriPattern(topic, match));
        boolean found = subscription != null && MetaDetails.isVisible(subscription.pattern());
        return MetaProcedure.result(found ? subscription.id() : null);
    }

    /** {@code wamp.subscription.match(topic)} → the ids of every subscription an event would reach, or null. */
    private Payload match(MetaProcedure.Call call) {
        List<Long> ids = new ArrayList<>();
        for (Subscription subscription : broker.match(call.arguments().string(0, "topic"))) {
            if (MetaDetails.isVisible(subscription.pattern())) {
                ids.add(subscription.id());
            }
        }
        return MetaProcedure.result(ids.isEmpty() ? null : Values.list(ids));
    }

    /** The subscription named by the first argument, else {@code wamp.error.no_such_subscription}. */
    private Subscription existing(MetaProcedure.Call call) {
        long id = call.arguments().id(0, "subscription");
        Subscription subscription = broker.get(id);
        if (subscription == null || !MetaDetails.isVisible(subscription.pattern())) {
            throw new MetaError(ErrorUris.NO_SUCH_SUBSCRIPTION, "no subscription with id " + id);
        }
        return subscription;
    }

    private static List<Object> subscribers(Subscription subscription) {
        List<Long> ids = new ArrayList<>();
        for (Peer subscriber : subscription.subscribers()) {
            ids.add(subscriber.sessionId());
        }
        return Values.list(ids);
    }
}

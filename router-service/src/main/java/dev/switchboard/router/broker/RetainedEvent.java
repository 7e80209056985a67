package dev.switchboard.router.broker;

import dev.switchboard.router.routing.Peer;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.PublishOptions;

/** The last publication to a topic that asked to be retained (advanced profile, event retention). */
record RetainedEvent(String topic, long publicationId, Peer publisher, boolean disclose, PublishOptions options,
                     Payload payload) {
}

package dev.switchboard.wamp.client.internal;

import dev.switchboard.wamp.message.Roles;
import java.util.Map;
import java.util.Set;

/** The roles and advanced features the client announces in HELLO: exactly those it implements. */
final class ClientRoles {

    static final Roles ANNOUNCED = Roles.of(Map.of(
            Roles.CALLER, Set.of(
                    "call_canceling",
                    "call_timeout",
                    "caller_identification",
                    "progressive_call_results",
                    "progressive_call_invocations"),
            Roles.CALLEE, Set.of(
                    "call_canceling",
                    "call_timeout",
                    "caller_identification",
                    "pattern_based_registration",
                    "progressive_call_results",
                    "progressive_call_invocations",
                    "registration_revocation",
                    "shared_registration"),
            Roles.PUBLISHER, Set.of(
                    "publisher_exclusion",
                    "publisher_identification",
                    "subscriber_blackwhite_listing"),
            Roles.SUBSCRIBER, Set.of(
                    "event_retention",
                    "pattern_based_subscription",
                    "publisher_identification",
                    "subscription_revocation")));

    private ClientRoles() {
    }
}

package dev.switchboard.router.session;

import dev.switchboard.wamp.message.Roles;
import java.util.Map;
import java.util.Set;

/** The roles and advanced features this router announces in WELCOME: exactly those it implements. */
final class RouterRoles {

    static final Roles ANNOUNCED = Roles.of(Map.of(
            Roles.BROKER, Set.of(
                    "publisher_identification",
                    "publisher_exclusion",
                    "subscriber_blackwhite_listing",
                    "pattern_based_subscription",
                    "event_retention",
                    "session_meta_api",
                    "subscription_meta_api"),
            Roles.DEALER, Set.of(
                    "caller_identification",
                    "progressive_call_results",
                    "progressive_call_invocations",
                    "call_timeout",
                    "call_canceling",
                    "pattern_based_registration",
                    "shared_registration",
                    "registration_revocation",
                    "session_meta_api",
                    "registration_meta_api",
                    "testament_meta_api")));

    private RouterRoles() {
    }
}

package dev.switchboard.router.dealer;

/**
 * Hears the registration lifecycle, for the registration meta API ({@code wamp.registration.on_create},
 * {@code on_register}, {@code on_unregister}, {@code on_delete}). Called on the routing loop, in that order.
 */
public interface RegistrationListener {

    RegistrationListener NONE = new RegistrationListener() { };

    default void onCreate(long sessionId, Registration registration) {
    }

    default void onRegister(long sessionId, Registration registration) {
    }

    default void onUnregister(long sessionId, Registration registration) {
    }

    default void onDelete(long sessionId, Registration registration) {
    }
}

package dev.switchboard.router.auth;

/** What a session may be allowed to do with a URI. */
public enum Action {
    CALL, REGISTER, PUBLISH, SUBSCRIBE
}

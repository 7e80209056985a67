package dev.switchboard.router.auth;

import dev.switchboard.wamp.message.HelloDetails;

/** One authentication method of a realm ({@code anonymous}, {@code ticket}, {@code wampcra}, {@code cryptosign}). */
public interface Authenticator {

    /** The method's name as clients offer it in {@code HELLO.Details.authmethods}. */
    String method();

    /** The first step, on HELLO: accept, challenge (with the verifier of the answer) or deny. */
    AuthOutcome hello(String realm, HelloDetails details);
}

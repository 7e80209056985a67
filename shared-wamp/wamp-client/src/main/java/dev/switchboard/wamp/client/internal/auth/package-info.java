/**
 * The client's authentication methods (advanced profile, "Authentication"): anonymous, ticket, WAMP-CRA (with salted
 * secrets) and cryptosign (Ed25519, with the JDK's own implementation).
 */
@NullMarked
package dev.switchboard.wamp.client.internal.auth;

import org.jspecify.annotations.NullMarked;

/**
 * The WAMP meta API (advanced profile: session, registration and subscription meta API, testaments) as an internal
 * session of each realm that registers the {@code wamp.*} procedures with the realm's dealer and publishes the meta
 * events through the realm's broker, on the realm's routing loop.
 */
@NullMarked
package dev.switchboard.router.meta;

import org.jspecify.annotations.NullMarked;

/**
 * The URI pattern index that broker, dealer and authorizer share to find the subscriptions, registrations and
 * permission rules whose exact, prefix or wildcard pattern matches a URI.
 */
@NullMarked
package dev.switchboard.wamp.matching;

import org.jspecify.annotations.NullMarked;

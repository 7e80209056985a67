/**
 * Authentication of sessions joining a realm: one authenticator per method, each answering Accept, Challenge or
 * Deny.
 */
@NullMarked
package dev.switchboard.router.auth;

import org.jspecify.annotations.NullMarked;

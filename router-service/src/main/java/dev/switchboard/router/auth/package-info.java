/**
 * Authentication of sessions joining a realm (one authenticator per method, each answering Accept, Challenge,
 * Pending or Deny) and authorization of their requests (static role rules, or a dynamic authorizer procedure).
 */
@NullMarked
package dev.switchboard.router.auth;

import org.jspecify.annotations.NullMarked;

/**
 * What broker and dealer share: the peer handle of an established session, the realm's single routing loop, and the
 * listener that counts what the configured limits refuse.
 */
@NullMarked
package dev.switchboard.router.routing;

import org.jspecify.annotations.NullMarked;

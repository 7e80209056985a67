/**
 * What broker and dealer share: the peer handle of an established session and the realm's single routing loop.
 */
@NullMarked
package dev.switchboard.router.routing;

import org.jspecify.annotations.NullMarked;

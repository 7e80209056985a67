/**
 * Realms: each realm owns a broker, a dealer and its sessions, changed only on its own routing loop.
 */
@NullMarked
package dev.switchboard.router.realm;

import org.jspecify.annotations.NullMarked;

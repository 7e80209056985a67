/**
 * The router's configuration: properties under {@code switchboard.router} and the wiring of realms and sessions.
 */
@NullMarked
package dev.switchboard.router.config;

import org.jspecify.annotations.NullMarked;

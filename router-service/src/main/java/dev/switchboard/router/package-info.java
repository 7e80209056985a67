/** The Switchboard WAMP router. */
@NullMarked
package dev.switchboard.router;

import org.jspecify.annotations.NullMarked;

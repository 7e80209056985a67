/** The Switchboard dashboard: static pages and the history API. */
@NullMarked
package dev.switchboard.ui;

import org.jspecify.annotations.NullMarked;

/** The dashboard's settings, and the browser's view of them ({@code /config.json}). */
@NullMarked
package dev.switchboard.ui.config;

import org.jspecify.annotations.NullMarked;

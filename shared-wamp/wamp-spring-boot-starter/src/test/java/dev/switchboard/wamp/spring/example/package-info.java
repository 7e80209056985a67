/** A small application that uses the starter through annotations and properties only. */
@NullMarked
package dev.switchboard.wamp.spring.example;

import org.jspecify.annotations.NullMarked;

/** Spring Boot auto-configuration for the WAMP client. */
@NullMarked
package dev.switchboard.wamp.spring;

import org.jspecify.annotations.NullMarked;

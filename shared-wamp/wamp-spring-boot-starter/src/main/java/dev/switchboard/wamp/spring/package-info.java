/** Spring Boot auto-configuration of the WAMP client: properties, the client, the template and value mapping. */
@NullMarked
package dev.switchboard.wamp.spring;

import org.jspecify.annotations.NullMarked;

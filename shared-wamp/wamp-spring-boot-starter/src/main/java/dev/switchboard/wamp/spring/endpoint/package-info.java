/**
 * WAMP endpoints of an application: the registry that (re)registers and (re)subscribes them in every session, and
 * the bean post-processor that makes endpoints of {@code @WampProcedure} and {@code @WampSubscriber} methods.
 */
@NullMarked
package dev.switchboard.wamp.spring.endpoint;

import org.jspecify.annotations.NullMarked;

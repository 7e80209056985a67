/**
 * Annotations that turn bean methods into WAMP procedures and subscribers ({@link WampProcedure},
 * {@link WampSubscriber}), bind parameters ({@link WampKwargs}) and map exceptions to error URIs ({@link WampError}).
 */
@NullMarked
package dev.switchboard.wamp.spring.annotation;

import org.jspecify.annotations.NullMarked;

package dev.switchboard.wamp.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The WAMP error URI an application exception is answered with when a {@link WampProcedure} method throws it (with
 * the exception's message as the only positional argument). Subclasses inherit it.
 *
 * <pre>{@code
 * @WampError("com.example.error.not_found")
 * class NotFoundException extends RuntimeException { … }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface WampError {

    /** The error URI. */
    String value();
}

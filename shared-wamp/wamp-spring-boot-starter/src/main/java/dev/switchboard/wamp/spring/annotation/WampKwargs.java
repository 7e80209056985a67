package dev.switchboard.wamp.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds the keyword arguments of an invocation or event to the parameter: a {@code Map<String, Object>} gets them as
 * they are, any other type (a record, a bean) gets them converted with the application's {@code JsonMapper}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WampKwargs {
}

package dev.switchboard.wamp.spring.annotation;

import dev.switchboard.wamp.Match;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;

/**
 * Subscribes a bean method to a WAMP topic, in every session the application's client opens.
 *
 * <pre>{@code
 * @WampSubscriber("com.example.news")
 * void onNews(String headline) { … }
 * }</pre>
 *
 * <p>Parameters are bound from the EVENT as {@link WampProcedure}'s are from an INVOCATION; a parameter of type
 * {@code IncomingEvent} gets the event itself. Events of one subscription arrive one at a time, in order; an
 * exception the method throws is logged and the next event still comes.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WampSubscriber {

    /** The topic URI (or pattern, with {@link #match()}); {@code ${…}} placeholders are resolved. */
    @AliasFor("topic")
    String value() default "";

    /** An alias of {@link #value()}. */
    @AliasFor("value")
    String topic() default "";

    /** {@code SUBSCRIBE.Options.match}. */
    Match match() default Match.EXACT;
}

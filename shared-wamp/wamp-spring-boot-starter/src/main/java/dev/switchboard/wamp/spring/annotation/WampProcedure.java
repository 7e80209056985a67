package dev.switchboard.wamp.spring.annotation;

import dev.switchboard.wamp.Match;
import dev.switchboard.wamp.message.InvocationPolicy;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;

/**
 * Registers a bean method as a WAMP procedure, in every session the application's client opens.
 *
 * <pre>{@code
 * @WampProcedure("com.example.add")
 * long add(long a, long b) { return a + b; }
 * }</pre>
 *
 * <p>Parameters are bound from the INVOCATION with the application's {@code JsonMapper}:
 * <ul>
 * <li>a parameter of type {@code IncomingInvocation} gets the invocation itself (its details, progressive results,
 *     interrupts), one of type {@link dev.switchboard.wamp.spring.endpoint.WampProgress} a sender of progressive
 *     results;</li>
 * <li>a parameter annotated {@link WampKwargs} gets the keyword arguments converted to its type (a map, a record or a
 *     bean);</li>
 * <li>the other parameters get the positional arguments in order, each converted to the parameter's generic type
 *     (records, lists of records, numbers, …); a missing argument is {@code null}. When there are no positional
 *     arguments but keyword arguments, and the method has exactly one such parameter, that parameter gets the keyword
 *     arguments (a record parameter binds from a dict either way).</li>
 * </ul>
 * Arguments that cannot be converted are answered with {@code wamp.error.invalid_argument}.
 *
 * <p>The return value becomes the YIELD's single positional argument, converted to plain values (a record becomes a
 * dict); {@code void} or {@code null} yields no arguments, and a returned {@code Payload.Arguments} is sent as it is. A
 * thrown {@code WampException} is answered as it is; an exception whose class is annotated {@link WampError} with
 * that URI and its message; any other with {@code wamp.error.runtime_error} and its message (never a stack trace).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WampProcedure {

    /** The procedure URI (or pattern, with {@link #match()}); {@code ${…}} placeholders are resolved. */
    @AliasFor("uri")
    String value() default "";

    /** An alias of {@link #value()}. */
    @AliasFor("value")
    String uri() default "";

    /** {@code REGISTER.Options.invoke}: a shared registration, and how the dealer picks among its callees. */
    InvocationPolicy invoke() default InvocationPolicy.SINGLE;

    /** {@code REGISTER.Options.concurrency}: the most invocations run at once; 0 for no limit. */
    int concurrency() default 0;

    /** {@code REGISTER.Options.match}. */
    Match match() default Match.EXACT;
}

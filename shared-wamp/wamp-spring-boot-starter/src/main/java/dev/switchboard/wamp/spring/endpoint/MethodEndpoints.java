package dev.switchboard.wamp.spring.endpoint;

import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.client.EventHandler;
import dev.switchboard.wamp.client.IncomingEvent;
import dev.switchboard.wamp.client.IncomingInvocation;
import dev.switchboard.wamp.client.InvocationHandler;
import dev.switchboard.wamp.client.WampException;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.spring.WampValues;
import dev.switchboard.wamp.spring.annotation.WampError;
import dev.switchboard.wamp.spring.annotation.WampKwargs;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Handlers that run a bean method: parameters bound from the payload, the return value turned into the YIELD, and
 * exceptions into ERRORs, as {@link dev.switchboard.wamp.spring.annotation.WampProcedure} describes.
 */
final class MethodEndpoints {

    static final String INVALID_ARGUMENT = "wamp.error.invalid_argument";
    static final String RUNTIME_ERROR = ErrorUris.RUNTIME_ERROR;

    private final WampValues values;

    MethodEndpoints(WampValues values) {
        this.values = values;
    }

    InvocationHandler procedure(Object bean, Method method) {
        ReflectionUtils.makeAccessible(method);
        Binder binder = new Binder(method);
        return invocation -> {
            Object[] arguments = binder.bind(invocation.arguments(), invocation, null);
            return yieldOf(invoke(bean, method, arguments));
        };
    }

    EventHandler subscriber(Object bean, Method method) {
        ReflectionUtils.makeAccessible(method);
        Binder binder = new Binder(method);
        return event -> invoke(bean, method, binder.bind(event.arguments(), null, event));
    }

    private Payload.Arguments yieldOf(@Nullable Object result) {
        return switch (result) {
            case null -> Payload.EMPTY;
            case Payload.Arguments arguments -> arguments;
            default -> Payload.of(values.toPlain(result));
        };
    }

    private static @Nullable Object invoke(Object bean, Method method, @Nullable Object[] arguments) {
        try {
            return method.invoke(bean, arguments);
        } catch (InvocationTargetException e) {
            throw translate(e.getTargetException());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ERROR a thrown exception is answered with: never a stack trace, only a URI and a message. */
    static WampException translate(Throwable thrown) {
        if (thrown instanceof WampException wamp) {
            return wamp;
        }
        String message = thrown.getMessage() != null ? thrown.getMessage() : thrown.getClass().getSimpleName();
        WampError mapped = AnnotatedElementUtils.findMergedAnnotation(thrown.getClass(), WampError.class);
        return new WampException(mapped != null ? mapped.value() : RUNTIME_ERROR, message);
    }

    /** Binds one method's parameters. */
    private final class Binder {

        private final Parameter[] parameters;
        private final Type[] types;
        private final int positional;

        Binder(Method method) {
            this.parameters = method.getParameters();
            this.types = method.getGenericParameterTypes();
            int count = 0;
            for (Parameter parameter : parameters) {
                if (isPositional(parameter)) {
                    count++;
                }
            }
            this.positional = count;
        }

        @Nullable Object[] bind(Payload.Arguments payload, @Nullable IncomingInvocation invocation,
                                @Nullable IncomingEvent event) {
            List<Object> args = payload.args();
            Map<String, Object> kwargs = payload.kwargs();
            boolean kwargsAsOnlyParameter = positional == 1 && args.isEmpty() && !kwargs.isEmpty();
            @Nullable Object[] bound = new Object[parameters.length];
            int next = 0;
            for (int i = 0; i < parameters.length; i++) {
                Parameter parameter = parameters[i];
                Class<?> type = parameter.getType();
                if (type == IncomingInvocation.class) {
                    bound[i] = invocation;
                } else if (type == IncomingEvent.class) {
                    bound[i] = event;
                } else if (type == WampProgress.class) {
                    bound[i] = invocation == null ? null : (WampProgress) value -> {
                        if (invocation.receivesProgress()) {
                            invocation.sendProgress(Payload.of(values.toPlain(value)));
                        }
                    };
                } else if (parameter.isAnnotationPresent(WampKwargs.class) || kwargsAsOnlyParameter) {
                    bound[i] = convert(kwargs, i);
                } else {
                    bound[i] = convert(next < args.size() ? args.get(next) : null, i);
                    next++;
                }
            }
            return bound;
        }

        private @Nullable Object convert(@Nullable Object value, int index) {
            try {
                return values.convert(value, types[index]);
            } catch (RuntimeException e) {
                throw new WampException(INVALID_ARGUMENT, "argument '" + parameters[index].getName()
                        + "' does not convert to " + types[index].getTypeName());
            }
        }

        private boolean isPositional(Parameter parameter) {
            Class<?> type = parameter.getType();
            return type != IncomingInvocation.class && type != IncomingEvent.class && type != WampProgress.class
                    && !parameter.isAnnotationPresent(WampKwargs.class);
        }
    }

}

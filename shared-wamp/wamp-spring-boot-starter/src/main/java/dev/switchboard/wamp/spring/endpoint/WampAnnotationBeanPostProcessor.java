package dev.switchboard.wamp.spring.endpoint;

import dev.switchboard.wamp.client.WampOptions;
import dev.switchboard.wamp.spring.WampValues;
import dev.switchboard.wamp.spring.annotation.WampProcedure;
import dev.switchboard.wamp.spring.annotation.WampSubscriber;
import java.lang.reflect.Method;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EmbeddedValueResolverAware;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.StringUtils;
import org.springframework.util.StringValueResolver;

/**
 * Finds {@link WampProcedure} and {@link WampSubscriber} methods on beans and adds an endpoint for each to the
 * {@link WampEndpointRegistry}. The registry and the value converter are looked up only when the first annotated
 * bean shows up, so that this early bean pulls nothing else in early.
 */
public final class WampAnnotationBeanPostProcessor implements BeanPostProcessor, EmbeddedValueResolverAware {

    private final ObjectProvider<WampEndpointRegistry> registry;
    private final ObjectProvider<WampValues> values;
    private @Nullable StringValueResolver resolver;

    public WampAnnotationBeanPostProcessor(ObjectProvider<WampEndpointRegistry> registry,
                                           ObjectProvider<WampValues> values) {
        this.registry = registry;
        this.values = values;
    }

    @Override
    public void setEmbeddedValueResolver(StringValueResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Class<?> type = AopUtils.getTargetClass(bean);
        Map<Method, WampProcedure> procedures = MethodIntrospector.selectMethods(type,
                (MethodIntrospector.MetadataLookup<WampProcedure>) method ->
                        AnnotatedElementUtils.findMergedAnnotation(method, WampProcedure.class));
        Map<Method, WampSubscriber> subscribers = MethodIntrospector.selectMethods(type,
                (MethodIntrospector.MetadataLookup<WampSubscriber>) method ->
                        AnnotatedElementUtils.findMergedAnnotation(method, WampSubscriber.class));
        if (procedures.isEmpty() && subscribers.isEmpty()) {
            return bean;
        }
        MethodEndpoints factory = new MethodEndpoints(values.getObject());
        WampEndpointRegistry endpoints = registry.getObject();
        procedures.forEach((method, annotation) -> {
            Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
            WampOptions.RegisterBuilder options = WampOptions.register()
                    .invoke(annotation.invoke()).match(annotation.match());
            if (annotation.concurrency() > 0) {
                options.concurrency(annotation.concurrency());
            }
            endpoints.add(new WampEndpoint.Procedure(uri(annotation.value(), method), options.build(),
                    factory.procedure(bean, invocable)));
        });
        subscribers.forEach((method, annotation) -> {
            Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
            endpoints.add(new WampEndpoint.Subscriber(uri(annotation.value(), method),
                    WampOptions.subscribe().match(annotation.match()).build(), factory.subscriber(bean, invocable)));
        });
        return bean;
    }

    private String uri(String declared, Method method) {
        String uri = resolver != null ? resolver.resolveStringValue(declared) : declared;
        if (!StringUtils.hasText(uri)) {
            throw new IllegalStateException("no WAMP URI on " + method + ": URIs are always explicit");
        }
        return uri;
    }
}

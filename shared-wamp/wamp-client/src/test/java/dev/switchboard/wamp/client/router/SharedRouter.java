package dev.switchboard.wamp.client.router;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves a {@link RouterProcess} parameter to one router shared by every test of the run: started on first use,
 * stopped when the run ends (the root store closes it).
 */
public final class SharedRouter implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedRouter.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RouterProcess.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent("router", key -> {
            try {
                return RouterProcess.launch();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the router", e);
            }
        }, RouterProcess.class);
    }
}

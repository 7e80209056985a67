package dev.switchboard.wamp.spring.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.wamp.client.IncomingInvocation;
import dev.switchboard.wamp.client.WampException;
import dev.switchboard.wamp.message.CancelMode;
import dev.switchboard.wamp.message.InvocationDetails;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.spring.WampValues;
import dev.switchboard.wamp.spring.annotation.WampError;
import dev.switchboard.wamp.spring.annotation.WampKwargs;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MethodEndpointsTests {

    record Point(long x, long y) {
    }

    @WampError("com.example.error.too_far")
    static class TooFarException extends RuntimeException {
        TooFarException(String message) {
            super(message);
        }
    }

    static class SubTooFarException extends TooFarException {
        SubTooFarException() {
            super("much too far");
        }
    }

    @SuppressWarnings("unused")
    static class Target {
        List<Point> mirror(List<Point> points) {
            return points.stream().map(p -> new Point(p.y(), p.x())).toList();
        }

        String describe(@WampKwargs Map<String, Object> kwargs, String prefix) {
            return prefix + kwargs.keySet();
        }

        long optional(@Nullable Long value, long fallback) {
            return value == null ? fallback : value;
        }

        void none() {
        }

        Payload.Arguments raw(IncomingInvocation invocation) {
            return Payload.of(List.of("raw"), invocation.kwargs());
        }

        void wamp() {
            throw new WampException("com.example.error.custom", List.of(1L), Map.of("k", "v"));
        }

        void mapped() {
            throw new SubTooFarException();
        }

        void unmapped() {
            throw new UnsupportedOperationException();
        }
    }

    private final MethodEndpoints endpoints = new MethodEndpoints(new WampValues(JsonMapper.builder().build()));
    private final Target target = new Target();

    @Test
    void listOfRecordsBindsAndComesBackAsPlainValues() throws Exception {
        Payload.Arguments result = invoke("mirror", Payload.of(List.of(Map.of("x", 1L, "y", 2L))));

        assertThat(result.args()).containsExactly(List.of(Map.of("x", 2L, "y", 1L)));
    }

    @Test
    void kwargsParameterGetsTheMapAndPositionalParametersTheArgs() throws Exception {
        Payload.Arguments result = invoke("describe", Payload.of(List.of("keys: "), Map.of("a", 1L)));

        assertThat(result.args()).containsExactly("keys: [a]");
    }

    @Test
    void missingArgumentIsNullForObjectsAndInvalidForPrimitives() throws Exception {
        assertThat(invoke("optional", Payload.of(null, 5L)).args()).containsExactly(5L);
        WampException missing = catchThrowableOfType(WampException.class,
                () -> invoke("optional", Payload.of(1L)));
        assertThat(missing.error()).isEqualTo("wamp.error.invalid_argument");
    }

    @Test
    void voidYieldsNothingAndPayloadIsSentAsItIs() throws Exception {
        assertThat(invoke("none", Payload.EMPTY).isEmpty()).isTrue();
        assertThat(invoke("raw", Payload.of(null, Map.of("k", 1L))))
                .isEqualTo(Payload.of(List.of("raw"), Map.of("k", 1L)));
    }

    @Test
    void exceptionsBecomeErrorUrisWithoutStackTraces() {
        WampException passed = catchThrowableOfType(WampException.class, () -> invoke("wamp", Payload.EMPTY));
        WampException mapped = catchThrowableOfType(WampException.class, () -> invoke("mapped", Payload.EMPTY));
        WampException other = catchThrowableOfType(WampException.class, () -> invoke("unmapped", Payload.EMPTY));

        assertThat(passed.error()).isEqualTo("com.example.error.custom");
        assertThat(passed.kwargs()).containsEntry("k", "v");
        assertThat(mapped.error()).isEqualTo("com.example.error.too_far");
        assertThat(mapped.args()).containsExactly("much too far");
        assertThat(other.error()).isEqualTo("wamp.error.runtime_error");
        assertThat(other.args()).containsExactly("UnsupportedOperationException");
    }

    private Payload.Arguments invoke(String name, Payload.Arguments arguments) throws Exception {
        Method method = Arrays.stream(Target.class.getDeclaredMethods())
                .filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
        return endpoints.procedure(target, method).invoke(new FakeInvocation(arguments));
    }

    /** An invocation without a session behind it. */
    private record FakeInvocation(Payload.Arguments arguments) implements IncomingInvocation {

        @Override
        public String procedure() {
            return "com.example.test";
        }

        @Override
        public InvocationDetails details() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void sendProgress(Payload.Arguments progress) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean hasMoreChunks() {
            return false;
        }

        @Override
        public Payload.Arguments nextChunk() {
            throw new IllegalStateException();
        }

        @Override
        public boolean isInterrupted() {
            return false;
        }

        @Override
        public @Nullable CancelMode interruptMode() {
            return null;
        }

        @Override
        public void onInterrupt(Runnable action) {
        }
    }
}

package dev.switchboard.wamp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.switchboard.wamp.ProtocolViolationException;
import dev.switchboard.wamp.message.WampMessage;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Whatever arrives, decoding either yields a valid message or throws {@link ProtocolViolationException}: never
 * another exception type, never a hang.
 */
class HostileInputTests {

    private static final Duration PATIENCE = Duration.ofSeconds(2);

    @Property(tries = 3000)
    void randomBytesNeverYieldAnotherException(@ForAll @Size(max = 200) byte[] frame,
                                               @ForAll Serialization serialization) {
        decodeOrViolation(serialization, frame);
    }

    @Property(tries = 3000)
    void mutatedValidFramesNeverYieldAnotherException(@ForAll("messages") WampMessage message,
                                                      @ForAll Serialization serialization,
                                                      @ForAll("mutations") List<int[]> mutations) {
        byte[] encoded = WampCodec.of(serialization).encode(message);
        byte[] mutated = encoded.clone();
        for (int[] mutation : mutations) {
            mutated[Math.floorMod(mutation[0], mutated.length)] = (byte) mutation[1];
        }
        decodeOrViolation(serialization, mutated);
    }

    @Property(tries = 3000)
    void randomValueTreesNeverYieldAnotherException(@ForAll("messageCodes") long code,
                                                    @ForAll("elements") List<Object> elements) {
        List<Object> values = new java.util.ArrayList<>();
        values.add(code);
        values.addAll(elements);
        withinPatience(() -> {
            try {
                WampMessage message = MessageMapper.fromValues(values);
                assertThat(MessageMapper.fromValues(MessageMapper.toValues(message))).isEqualTo(message);
            } catch (ProtocolViolationException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }, () -> "mapping " + values);
    }

    private static void decodeOrViolation(Serialization serialization, byte[] frame) {
        withinPatience(() -> {
            try {
                WampMessage message = WampCodec.of(serialization).decode(frame);
                assertThat(message).isNotNull();
            } catch (ProtocolViolationException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }, () -> "decoding " + serialization + " " + HexFormat.of().formatHex(frame));
    }

    /**
     * Runs {@code work} on a thread of its own and stops waiting for it after {@link #PATIENCE}, so that a hang fails
     * the property (with what was being done) instead of blocking the build. Like JUnit's
     * {@code assertTimeoutPreemptively}, on a virtual thread: a new platform thread for each of the 9,000 tries
     * would triple the time of this class.
     */
    private static void withinPatience(Runnable work, Supplier<String> what) {
        within(PATIENCE, work, what);
    }

    private static void within(Duration patience, Runnable work, Supplier<String> what) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = Thread.ofVirtual().name("hostile-input").start(() -> {
            try {
                work.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        try {
            if (!worker.join(patience)) {
                worker.interrupt();
                fail(what.get() + " did not end within " + patience);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while " + what.get(), e);
        }
        switch (failure.get()) {
            case null -> { }
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            case Throwable t -> throw new AssertionError(t);
        }
    }

    @Example
    void workThatDoesNotEndFailsInsteadOfBlocking() {
        assertThatThrownBy(() -> within(Duration.ofMillis(100), () -> {
            try {
                Thread.sleep(Duration.ofHours(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, () -> "sleeping")).isInstanceOf(AssertionError.class).hasMessage("sleeping did not end within PT0.1S");
    }

    @Provide
    Arbitrary<WampMessage> messages() {
        return Arbitraries.of(Messages.everyType());
    }

    @Provide
    Arbitrary<List<int[]>> mutations() {
        Arbitrary<int[]> one = Arbitraries.integers().between(0, 10_000).flatMap(position ->
                Arbitraries.integers().between(0, 255).map(value -> new int[] {position, value}));
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<Long> messageCodes() {
        return Arbitraries.of(1L, 2L, 3L, 4L, 5L, 6L, 8L, 16L, 17L, 32L, 33L, 34L, 35L, 36L, 48L, 49L, 50L, 64L,
                65L, 66L, 67L, 68L, 69L, 70L, 337L, 0L, -1L, 99L);
    }

    @Provide
    Arbitrary<List<Object>> elements() {
        return value(3).list().ofMaxSize(7);
    }

    private Arbitrary<Object> value(int depth) {
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                Arbitraries.longs().between(-2, 1L << 54).map(Object.class::cast),
                Arbitraries.longs().between(0, 5).map(Object.class::cast),
                Arbitraries.of("a.b", "realm1", "", "x y", "com..c", "wamp.error.canceled", "kill", "roundrobin",
                        "prefix", "wildcard", "caller", "roles", "timeout", "match", "invoke").map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast),
                Arbitraries.doubles().map(Object.class::cast),
                Arbitraries.just(null),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(3).map(Object.class::cast));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<Object> list = value(depth - 1).list().ofMaxSize(3).map(Object.class::cast);
        Arbitrary<Object> map = Arbitraries.maps(
                Arbitraries.of("roles", "caller", "callee", "features", "timeout", "match", "invoke", "mode",
                        "exclude", "eligible", "authmethods", "progress", "receive_progress", "concurrency",
                        "topic", "publisher", "x"),
                value(depth - 1)).ofMaxSize(3).map(m -> (Object) Map.copyOf(nonNull(m)));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, scalar), net.jqwik.api.Tuple.of(1, list), net.jqwik.api.Tuple.of(2, map));
    }

    private static Map<String, Object> nonNull(Map<String, Object> map) {
        map.values().removeIf(java.util.Objects::isNull);
        return map;
    }
}

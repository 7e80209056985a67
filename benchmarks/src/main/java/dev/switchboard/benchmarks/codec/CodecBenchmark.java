package dev.switchboard.benchmarks.codec;

import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.codec.WampCodec;
import dev.switchboard.wamp.message.Call;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.Event;
import dev.switchboard.wamp.message.EventDetails;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.WampMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decode and encode of typical messages per serialization: a CALL with a few arguments (an RPC request) and an
 * EVENT shaped like the suite's {@code tsp.compute.load} events. Throughput in messages per second.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar CodecBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CodecBenchmark {

    @Param({"JSON", "MSGPACK", "CBOR"})
    public Serialization serialization;

    @Param({"CALL", "EVENT"})
    public String message;

    private WampCodec codec;
    private WampMessage decoded;
    private byte[] frame;

    @Setup
    public void setUp() {
        codec = WampCodec.of(serialization);
        decoded = switch (message) {
            case "CALL" -> new Call(4_711L, new CallOptions(5_000L, true, false, false, Map.of()),
                    "tsp.compute.anneal", Payload.of(List.of(),
                    Map.of("problemId", "berlin52-5f3a", "t0", 120.5, "t1", 0.5, "durationMs", 300L, "seed", 42L)));
            case "EVENT" -> new Event(3_456_789L, 1_234_567_890L,
                    new EventDetails(987_654_321L, null, null, "tsp.compute.load", false, Map.of()),
                    Payload.of(Map.of("instanceId", "compute-7f9c", "kind", "service", "cpuProcess", 0.93,
                            "cpuSystem", 0.97, "cores", 2L, "activeCalls", 2L, "proposalsPerSec", 41_500_000L,
                            "heapUsed", 73_400_320L)));
            default -> throw new IllegalArgumentException(message);
        };
        frame = codec.encode(decoded);
    }

    @Benchmark
    public WampMessage decode() {
        return codec.decode(frame);
    }

    @Benchmark
    public byte[] encode() {
        return codec.encode(decoded);
    }

    /** What a router does per routed message: decode the frame, encode the message it forwards. */
    @Benchmark
    public byte[] decodeAndEncode() {
        return codec.encode(codec.decode(frame));
    }
}

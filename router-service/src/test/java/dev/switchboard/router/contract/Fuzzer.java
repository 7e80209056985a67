package dev.switchboard.router.contract;

import dev.switchboard.wamp.codec.Serialization;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throws mutated frames at the router over many short-lived connections, RawSocket mostly and WebSocket now and then,
 * from a few threads at once. Each connection opens (a valid transport handshake, mostly), usually says HELLO, then
 * sends a batch of frames derived from {@link FuzzSeeds} by a {@link FrameMutator} (with some transport-level oddities
 * mixed in), half-closes, and reads whatever the router answers until the router closes. Half the connections send
 * only frames a session survives (valid, or odd but decodable requests) but the last, so that most frames reach the
 * broker and dealer rather than a connection already closed. What the router answers is
 * not judged here; the router's state afterwards is.
 */
final class Fuzzer {

    /** Frames per connection: 1 to this many, after the HELLO. */
    private static final int MAX_BATCH = 24;
    private static final int THREADS = 4;
    private static final double WEBSOCKET_SHARE = 0.2;
    private static final int SOCKET_TIMEOUT_MILLIS = 5000;

    /** What was thrown. */
    record Stats(long frames, long rawSocketConnections, long webSocketConnections, long bytes) {
    }

    private final FuzzSeeds seeds;
    private final Transport.Endpoints endpoints;
    private final long seed;
    private final AtomicLong framesLeft = new AtomicLong();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong rawSocketConnections = new AtomicLong();
    private final AtomicLong webSocketConnections = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    Fuzzer(FuzzSeeds seeds, Transport.Endpoints endpoints, long seed) {
        this.seeds = seeds;
        this.endpoints = endpoints;
        this.seed = seed;
    }

    /** Throws {@code count} frames and returns when every connection has ended, or fails after {@code timeout}. */
    Stats run(int count, Duration timeout) throws Exception {
        framesLeft.set(count);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS, Thread.ofPlatform().name("fuzzer-", 1)
                .daemon().factory());
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                Random random = new Random(seed + i);
                workers.add(threads.submit(() -> {
                    work(random);
                    return null;
                }));
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            for (Future<?> worker : workers) {
                worker.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        return new Stats(frames.get(), rawSocketConnections.get(), webSocketConnections.get(), bytes.get());
    }

    private void work(Random random) throws Exception {
        FrameMutator mutator = new FrameMutator(random);
        Serialization[] serializations = Serialization.values();
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException("the fuzzer ran out of time");
            }
            int batch = 1 + random.nextInt(MAX_BATCH);
            long left = framesLeft.getAndAdd(-batch);
            if (left <= 0) {
                return;
            }
            batch = (int) Math.min(batch, left);
            // a batch this worker claimed is thrown by this worker: when an upgrade fails, it tries another
            // connection, so that no claimed frame is left behind by workers that already finished
            boolean sent = false;
            while (!sent) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("the fuzzer ran out of time");
                }
                Serialization serialization = serializations[random.nextInt(serializations.length)];
                sent = random.nextDouble() < WEBSOCKET_SHARE
                        ? webSocket(random, mutator, serialization, batch)
                        : rawSocket(random, mutator, serialization, batch);
            }
            frames.addAndGet(batch);
        }
    }

    // ---- RawSocket

    private boolean rawSocket(Random random, FrameMutator mutator, Serialization serialization, int batch)
            throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int length = random.nextInt(10) == 0 ? random.nextInt(16) : RawSocketTestClient.LARGEST;
        byte[] handshake = {0x7F, (byte) (length << 4 | serialization.rawSocketId()), 0, 0};
        int oddity = random.nextInt(50);
        if (oddity == 0) {
            handshake = mutator.randomBytes(4);
        } else if (oddity == 1) {
            handshake[random.nextInt(4)] ^= (byte) (1 << random.nextInt(8));
        }
        out.writeBytes(handshake);
        if (random.nextInt(100) < 85) {
            rawSocketFrame(out, RawSocketTestClient.MESSAGE, seeds.hello(serialization));
        }
        boolean survivor = random.nextBoolean();
        for (int i = 0; i < batch; i++) {
            if (survivor && i < batch - 1) {
                rawSocketFrame(out, RawSocketTestClient.MESSAGE,
                        mutator.nextSurvivable(serialization, seeds.frames(serialization)));
                continue;
            }
            byte[] payload = mutator.next(serialization, seeds.frames(serialization));
            int kind = random.nextInt(100);
            if (kind < 94) {
                rawSocketFrame(out, RawSocketTestClient.MESSAGE, payload);
            } else if (kind < 96) {
                rawSocketFrame(out, RawSocketTestClient.PING, payload);
            } else if (kind < 97) {
                rawSocketFrame(out, RawSocketTestClient.PONG, payload);
            } else if (kind < 98) {
                rawSocketFrame(out, 3 + random.nextInt(5), payload); // reserved types
            } else if (kind < 99) {
                // a prefix with reserved bits, or one whose length does not match the payload
                int prefix = random.nextBoolean() ? 0x10 << 24 | payload.length
                        : Math.max(0, payload.length + random.nextInt(9) - 4);
                out.writeBytes(ByteBuffer.allocate(4).putInt(prefix).array());
                out.writeBytes(payload);
            } else {
                out.writeBytes(mutator.randomBytes(random.nextInt(8)));
            }
        }
        rawSocketConnections.incrementAndGet();
        return exchange(endpoints.rawSocketPort(), null, out.toByteArray());
    }

    private static void rawSocketFrame(ByteArrayOutputStream out, int type, byte[] payload) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(type << 24 | payload.length).array());
        out.writeBytes(payload);
    }

    // ---- WebSocket

    private boolean webSocket(Random random, FrameMutator mutator, Serialization serialization, int batch)
            throws InterruptedException {
        byte[] upgrade = WebSocketTestClient.upgradeRequest(endpoints.webSocketPort(), WebSocketTestClient.newKey(),
                serialization);
        if (random.nextInt(50) == 0) {
            upgrade[random.nextInt(upgrade.length)] ^= (byte) (1 << random.nextInt(8));
        }
        int data = serialization.binary() ? WebSocketTestClient.BINARY : WebSocketTestClient.TEXT;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (random.nextInt(100) < 85) {
            out.writeBytes(WebSocketTestClient.frame(0x80 | data, seeds.hello(serialization), true));
        }
        boolean survivor = random.nextBoolean();
        for (int i = 0; i < batch; i++) {
            if (survivor && i < batch - 1) {
                out.writeBytes(WebSocketTestClient.frame(0x80 | data,
                        mutator.nextSurvivable(serialization, seeds.frames(serialization)), true));
                continue;
            }
            byte[] payload = mutator.next(serialization, seeds.frames(serialization));
            int kind = random.nextInt(100);
            if (kind < 88) {
                out.writeBytes(WebSocketTestClient.frame(0x80 | data, payload, true));
            } else if (kind < 91) {
                // fragmented, which is fine
                int cut = random.nextInt(payload.length + 1);
                out.writeBytes(WebSocketTestClient.frame(data, Arrays.copyOf(payload, cut), true));
                out.writeBytes(WebSocketTestClient.frame(0x80 | WebSocketTestClient.CONTINUATION,
                        Arrays.copyOfRange(payload, cut, payload.length), true));
            } else if (kind < 92) {
                out.writeBytes(WebSocketTestClient.frame(0x80 | (data ^ 3), payload, true)); // text ↔ binary
            } else if (kind < 93) {
                out.writeBytes(WebSocketTestClient.frame(0x80 | data, payload, false)); // unmasked
            } else if (kind < 94) {
                out.writeBytes(WebSocketTestClient.frame(0x80 | 0x10 << random.nextInt(3) | data, payload, true));
            } else if (kind < 95) {
                int[] reserved = {0x3, 0x4, 0x5, 0x6, 0x7, 0xB, 0xC, 0xD, 0xE, 0xF};
                out.writeBytes(WebSocketTestClient.frame(0x80 | reserved[random.nextInt(reserved.length)], payload,
                        true));
            } else if (kind < 97) {
                out.writeBytes(WebSocketTestClient.frame(0x80 | WebSocketTestClient.PING,
                        Arrays.copyOf(payload, Math.min(payload.length, 130)), true));
            } else if (kind < 98) {
                out.writeBytes(WebSocketTestClient.frame(0x80 | WebSocketTestClient.PONG,
                        Arrays.copyOf(payload, Math.min(payload.length, 125)), true));
            } else if (kind < 99) {
                out.writeBytes(WebSocketTestClient.frame(0x80 | WebSocketTestClient.CLOSE,
                        Arrays.copyOf(payload, Math.min(payload.length, 125)), true));
            } else {
                out.writeBytes(mutator.randomBytes(random.nextInt(8)));
            }
        }
        webSocketConnections.incrementAndGet();
        return exchange(endpoints.webSocketPort(), upgrade, out.toByteArray());
    }

    // ---- one connection

    /**
     * Connects, sends the upgrade request and waits for its response (if {@code upgrade} is given), sends
     * {@code frames} from a second thread while this one reads and drops everything until the router ends the
     * connection, then closes. False if the frames could not be sent because the upgrade failed.
     */
    private boolean exchange(int port, byte[] upgrade, byte[] frames) throws InterruptedException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), SOCKET_TIMEOUT_MILLIS);
            socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            if (upgrade != null) {
                out.write(upgrade);
                if (!upgraded(in)) {
                    return false;
                }
            }
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    out.write(frames);
                    bytes.addAndGet(frames.length);
                    socket.shutdownOutput();
                } catch (IOException e) {
                    // the router hung up first
                }
            });
            byte[] sink = new byte[64 * 1024];
            try {
                while (in.read(sink) >= 0) {
                    // drop
                }
            } catch (IOException e) {
                // reset by the router, or no end within the timeout: either way this connection is done
            }
            socket.close();
            writer.join();
            return true;
        } catch (IOException e) {
            return false; // closed while upgrading
        }
    }

    /** Reads the upgrade response; true if it is 101 Switching Protocols. */
    private static boolean upgraded(InputStream in) throws IOException {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            response.write(b);
            matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
        }
        return response.toString(StandardCharsets.US_ASCII).startsWith("HTTP/1.1 101");
    }
}

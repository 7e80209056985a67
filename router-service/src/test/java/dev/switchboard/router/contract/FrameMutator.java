package dev.switchboard.router.contract;

import dev.switchboard.wamp.ProtocolViolationException;
import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.codec.WampCodec;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Derives frames from valid ones: unchanged; mutated as bytes (bit flips, overwritten bytes, truncation, splicing of
 * two frames, deleted or repeated ranges, random bytes); or mutated as values, re-encoded so that the frame is
 * well-formed but says something wrong (values of the wrong type or range, missing or extra elements, another type
 * code, odd options, bad URIs). Not thread-safe: one per thread, each with its own {@link Random}.
 */
final class FrameMutator {

    /** Option names the router reads, to be given odd values. */
    private static final List<String> OPTION_NAMES = List.of("acknowledge", "exclude_me", "exclude", "eligible",
            "exclude_authid", "exclude_authrole", "eligible_authid", "eligible_authrole", "disclose_me", "retain",
            "match", "get_retained", "invoke", "concurrency", "force_reregister", "disclose_caller", "timeout",
            "receive_progress", "progress", "mode", "reason", "message", "roles", "authmethods", "authid",
            "authextra", "caller", "procedure", "topic", "features");

    /** Type codes of every message, and some that are none. */
    private static final long[] TYPE_CODES = {1, 2, 3, 4, 5, 6, 7, 8, 16, 17, 32, 33, 34, 35, 36, 48, 49, 50, 64,
            65, 66, 67, 68, 69, 70, 337, 0, -1, 71, 255, 1L << 40};

    private static final String[] NAMES = {"fuzz.topic", "fuzz.procedure", "fuzz.shared", "fuzz", "fuzz.", "",
            "fuzz..x", "fuzz topic", "wamp.session.count", "wamp.session.on_join", "wamp.session.kill_all",
            "wamp.fuzz", "prefix", "wildcard", "exact", "roundrobin", "random", "first", "last", "single", "kill",
            "killnowait", "skip", "anonymous", "ticket", "a#b", "\u0000AQI=", "\u0000not base64!", "é.ü"};

    private final Random random;

    FrameMutator(Random random) {
        this.random = random;
    }

    /** A frame derived from {@code seeds} (all of {@code serialization}). */
    byte[] next(Serialization serialization, List<byte[]> seeds) {
        byte[] seed = seeds.get(random.nextInt(seeds.size()));
        int kind = random.nextInt(100);
        if (kind < 22) {
            return seed;
        }
        if (kind < 55) {
            byte[] mutated = mutateValues(serialization, seed);
            if (mutated != null) {
                return mutated;
            }
        }
        return mutateBytes(seed, seeds);
    }

    /** The types a client may send in an established session without ending it. */
    private static final Set<Long> SESSION_REQUESTS = Set.of(8L, 16L, 32L, 34L, 48L, 49L, 64L, 66L, 70L, 337L);

    /**
     * A frame derived from {@code seeds} that an established session survives: a valid request, or one changed as
     * values (odd ids, options, URIs, payloads) that still decodes. Such frames reach the broker and dealer.
     */
    byte[] nextSurvivable(Serialization serialization, List<byte[]> seeds) {
        WampCodec codec = WampCodec.of(serialization);
        for (int attempt = 0; attempt < 20; attempt++) {
            byte[] seed = seeds.get(random.nextInt(seeds.size()));
            byte[] frame = random.nextInt(10) < 3 ? seed : mutateValues(serialization, seed);
            if (frame != null && survivable(codec, frame)) {
                return frame;
            }
        }
        return codec.encode(FuzzSeeds.PUBLISH);
    }

    private static boolean survivable(WampCodec codec, byte[] frame) {
        try {
            return SESSION_REQUESTS.contains((long) codec.decode(frame).type());
        } catch (ProtocolViolationException e) {
            return e.failedRequest() != null;
        }
    }

    // ---- bytes

    byte[] mutateBytes(byte[] seed, List<byte[]> seeds) {
        return switch (random.nextInt(7)) {
            case 0 -> flipBits(seed);
            case 1 -> overwrite(seed);
            case 2 -> Arrays.copyOf(seed, random.nextInt(seed.length + 1));
            case 3 -> splice(seed, seeds.get(random.nextInt(seeds.size())));
            case 4 -> deleteRange(seed);
            case 5 -> repeatRange(seed);
            default -> randomBytes(random.nextInt(64));
        };
    }

    private byte[] flipBits(byte[] seed) {
        byte[] frame = seed.clone();
        for (int i = 1 + random.nextInt(4); i > 0 && frame.length > 0; i--) {
            frame[random.nextInt(frame.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return frame;
    }

    private byte[] overwrite(byte[] seed) {
        byte[] frame = seed.clone();
        byte[] interesting = {0, (byte) 0xFF, 0x7F, (byte) 0x80, (byte) 0xC1, (byte) 0xDD, (byte) 0x9F, '"', '[',
                ']', '{', '}', ',', '\\'};
        for (int i = 1 + random.nextInt(4); i > 0 && frame.length > 0; i--) {
            frame[random.nextInt(frame.length)] = random.nextBoolean()
                    ? interesting[random.nextInt(interesting.length)] : (byte) random.nextInt(256);
        }
        return frame;
    }

    private byte[] splice(byte[] first, byte[] second) {
        int head = random.nextInt(first.length + 1);
        int tail = random.nextInt(second.length + 1);
        byte[] frame = Arrays.copyOf(first, head + second.length - tail);
        System.arraycopy(second, tail, frame, head, second.length - tail);
        return frame;
    }

    private byte[] deleteRange(byte[] seed) {
        int from = random.nextInt(seed.length + 1);
        int to = from + random.nextInt(seed.length - from + 1);
        byte[] frame = new byte[seed.length - (to - from)];
        System.arraycopy(seed, 0, frame, 0, from);
        System.arraycopy(seed, to, frame, from, seed.length - to);
        return frame;
    }

    private byte[] repeatRange(byte[] seed) {
        int from = random.nextInt(seed.length + 1);
        int to = from + random.nextInt(Math.min(seed.length - from, 32) + 1);
        int times = 1 + random.nextInt(8);
        byte[] frame = Arrays.copyOf(seed, seed.length + times * (to - from));
        for (int i = 0; i < times; i++) {
            System.arraycopy(seed, from, frame, to + i * (to - from), to - from);
        }
        System.arraycopy(seed, to, frame, to + times * (to - from), seed.length - to);
        return frame;
    }

    byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    // ---- values

    /** The seed decoded, changed as values and encoded again; {@code null} if the change cannot be encoded. */
    private byte[] mutateValues(Serialization serialization, byte[] seed) {
        List<Object> message = mutableCopy(serialization.serializer().read(seed));
        for (int i = 1 + random.nextInt(2); i > 0; i--) {
            mutate(message);
        }
        try {
            return serialization.serializer().write(message);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void mutate(List<Object> message) {
        switch (random.nextInt(8)) {
            case 0 -> message.set(0, TYPE_CODES[random.nextInt(TYPE_CODES.length)]);
            case 1 -> {
                if (message.size() > 1) {
                    message.remove(1 + random.nextInt(message.size() - 1));
                }
            }
            case 2 -> message.add(oddValue());
            case 3 -> replaceSomewhere(message);
            case 4 -> oddOption(message);
            case 5 -> message.set(random.nextInt(message.size()), smallId());
            case 6 -> message.set(random.nextInt(message.size()), NAMES[random.nextInt(NAMES.length)]);
            default -> {
                int index = random.nextInt(message.size());
                message.set(index, nest(message.get(index), 1 + random.nextInt(260)));
            }
        }
    }

    /** Replaces one value anywhere in the tree. */
    @SuppressWarnings("unchecked")
    private void replaceSomewhere(List<Object> message) {
        Object container = message;
        for (int depth = 0; depth < 4; depth++) {
            if (container instanceof List<?> list && !list.isEmpty()) {
                int index = random.nextInt(list.size());
                Object child = list.get(index);
                if ((child instanceof List<?> || child instanceof Map<?, ?>) && random.nextBoolean()) {
                    container = child;
                    continue;
                }
                ((List<Object>) list).set(index, oddValue());
                return;
            }
            if (container instanceof Map<?, ?> map && !map.isEmpty()) {
                List<String> keys = new ArrayList<>(((Map<String, Object>) map).keySet());
                String key = keys.get(random.nextInt(keys.size()));
                Object child = map.get(key);
                if ((child instanceof List<?> || child instanceof Map<?, ?>) && random.nextBoolean()) {
                    container = child;
                    continue;
                }
                ((Map<String, Object>) map).put(key, oddValue());
                return;
            }
            break;
        }
        message.set(random.nextInt(message.size()), oddValue());
    }

    /** Puts an option the router reads, with an odd or a meaningful value, into a dict of the message. */
    @SuppressWarnings("unchecked")
    private void oddOption(List<Object> message) {
        List<Map<String, Object>> dicts = new ArrayList<>();
        for (Object value : message) {
            if (value instanceof Map<?, ?> map) {
                dicts.add((Map<String, Object>) map);
            }
        }
        Map<String, Object> dict = dicts.isEmpty() ? null : dicts.get(random.nextInt(dicts.size()));
        if (dict == null) {
            dict = new LinkedHashMap<>();
            message.add(Math.min(message.size(), 2), dict);
        }
        String name = OPTION_NAMES.get(random.nextInt(OPTION_NAMES.size()));
        dict.put(name, random.nextBoolean() ? oddValue() : NAMES[random.nextInt(NAMES.length)]);
    }

    private Object smallId() {
        return (long) (1 + random.nextInt(5));
    }

    /** A value of any type, often at the edge of its range. */
    Object oddValue() {
        return switch (random.nextInt(22)) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> 0L;
            case 3 -> -1L;
            case 4 -> 1L << 53;
            case 5 -> (1L << 53) + 1;
            case 6 -> Long.MAX_VALUE;
            case 7 -> Long.MIN_VALUE;
            case 8 -> BigInteger.TWO.pow(64).add(BigInteger.valueOf(random.nextInt(100)));
            case 9 -> random.nextBoolean() ? 1.5 : (double) random.nextInt(10);
            case 10 -> random.nextBoolean() ? Double.NaN : Double.NEGATIVE_INFINITY;
            case 11 -> "";
            case 12 -> NAMES[random.nextInt(NAMES.length)];
            case 13 -> "x".repeat(random.nextInt(20_000));
            case 14 -> new String(randomBytes(random.nextInt(40)), StandardCharsets.ISO_8859_1);
            case 15 -> randomBytes(random.nextInt(40));
            case 16 -> new ArrayList<>();
            case 17 -> new LinkedHashMap<>();
            case 18 -> new ArrayList<>(List.of(smallId(), smallId()));
            case 19 -> {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put(OPTION_NAMES.get(random.nextInt(OPTION_NAMES.size())), smallId());
                yield map;
            }
            case 20 -> random.nextLong(1, (1L << 53) + 1);
            default -> smallId();
        };
    }

    private static Object nest(Object value, int depth) {
        Object nested = value;
        for (int i = 0; i < depth; i++) {
            nested = new ArrayList<>(Arrays.asList(nested));
        }
        return nested;
    }

    @SuppressWarnings("unchecked")
    private static <T> T mutableCopy(T value) {
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(mutableCopy(element)));
            return (T) copy;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, element) -> copy.put((String) key, mutableCopy(element)));
            return (T) copy;
        }
        return value;
    }
}

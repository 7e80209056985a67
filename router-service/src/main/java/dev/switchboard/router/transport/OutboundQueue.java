package dev.switchboard.router.transport;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.jspecify.annotations.Nullable;

/**
 * A bounded, lock-free FIFO queue for many producers and one consumer: the outbound messages of one connection,
 * offered by any routing thread and polled by the connection's event loop.
 *
 * <p>A ring of {@code capacity} (rounded up to a power of two) slots, cut into chunks of {@value #CHUNK} slots that
 * are allocated when first used, so an idle connection costs a few hundred bytes however large the capacity. A
 * producer claims an index by CAS on {@code producerIndex} (refused when {@code capacity} items are waiting), then
 * publishes its item into the slot with a release store. The consumer takes the item with an acquire load, clears the
 * slot, and then advances {@code consumerIndex} with a release store, which frees the slot for producers. A slot that
 * is claimed but not yet published reads as empty; the producer's later wake-up of the consumer covers it.
 */
final class OutboundQueue<E> {

    private static final int CHUNK_SHIFT = 6;
    private static final int CHUNK = 1 << CHUNK_SHIFT;
    private static final int CHUNK_MASK = CHUNK - 1;

    private static final VarHandle PRODUCER_INDEX;
    private static final VarHandle CONSUMER_INDEX;
    private static final VarHandle CHUNKS = MethodHandles.arrayElementVarHandle(Object[][].class);
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Object[].class);

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            PRODUCER_INDEX = lookup.findVarHandle(OutboundQueue.class, "producerIndex", long.class);
            CONSUMER_INDEX = lookup.findVarHandle(OutboundQueue.class, "consumerIndex", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int capacity;
    private final long ringMask;
    private final @Nullable Object[][] chunks;

    @SuppressWarnings("unused") // accessed through PRODUCER_INDEX
    private volatile long producerIndex;
    @SuppressWarnings("unused") // accessed through CONSUMER_INDEX
    private volatile long consumerIndex;

    OutboundQueue(int capacity) {
        if (capacity < 1 || capacity > 1 << 30) {
            throw new IllegalArgumentException("capacity must be between 1 and 2^30, got " + capacity);
        }
        this.capacity = capacity;
        int ring = Math.max(CHUNK, Integer.highestOneBit(capacity - 1) << 1);
        this.ringMask = ring - 1;
        this.chunks = new Object[ring >>> CHUNK_SHIFT][];
    }

    int capacity() {
        return capacity;
    }

    /** Appends {@code item} unless {@code capacity} items are waiting. Any thread. */
    boolean offer(E item) {
        long index;
        do {
            index = (long) PRODUCER_INDEX.getVolatile(this);
            if (index - (long) CONSUMER_INDEX.getAcquire(this) >= capacity) {
                return false;
            }
        } while (!PRODUCER_INDEX.compareAndSet(this, index, index + 1));
        SLOTS.setRelease(chunk(index), (int) index & CHUNK_MASK, item);
        return true;
    }

    /** The oldest published item, or {@code null}. Only the consumer thread. */
    @Nullable E poll() {
        long index = (long) CONSUMER_INDEX.getOpaque(this);
        Object[] chunk = (Object[]) CHUNKS.getAcquire(chunks, chunkIndex(index));
        if (chunk == null) {
            return null;
        }
        int slot = (int) index & CHUNK_MASK;
        @SuppressWarnings("unchecked")
        E item = (E) SLOTS.getAcquire(chunk, slot);
        if (item == null) {
            return null;
        }
        SLOTS.setOpaque(chunk, slot, null);
        CONSUMER_INDEX.setRelease(this, index + 1);
        return item;
    }

    /** Items offered and not yet polled (a snapshot). Any thread. */
    int size() {
        long consumer = (long) CONSUMER_INDEX.getVolatile(this);
        long producer = (long) PRODUCER_INDEX.getVolatile(this);
        return (int) Math.max(0, Math.min(capacity, producer - consumer));
    }

    /** Drops every published item. Only the consumer thread. */
    void clear() {
        while (poll() != null) {
            // discard
        }
    }

    private int chunkIndex(long index) {
        return (int) ((index & ringMask) >>> CHUNK_SHIFT);
    }

    private Object[] chunk(long index) {
        int at = chunkIndex(index);
        Object[] chunk = (Object[]) CHUNKS.getAcquire(chunks, at);
        if (chunk == null) {
            Object[] fresh = new Object[CHUNK];
            Object[] witness = (Object[]) CHUNKS.compareAndExchangeRelease(chunks, at, null, fresh);
            chunk = witness == null ? fresh : witness;
        }
        return chunk;
    }
}

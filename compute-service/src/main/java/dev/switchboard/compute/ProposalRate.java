package dev.switchboard.compute;

/**
 * Proposals per second over the last second. A finished call's proposals are spread evenly over the 100 ms slots its
 * run covered, so a call that ended recently counts with the part of it that fell into the last second.
 */
final class ProposalRate {

    private static final long SLOT_NANOS = 100_000_000L;
    private static final int SLOTS = 64;
    private static final int WINDOW = 10;

    private final long[] counts = new long[SLOTS];
    private final long[] stamps = new long[SLOTS];
    private final long origin = System.nanoTime();

    /** Records a call that ran from {@code startNanos} to {@code endNanos} ({@link System#nanoTime()}). */
    synchronized void record(long startNanos, long endNanos, long proposals) {
        if (proposals <= 0) {
            return;
        }
        long first = slot(startNanos);
        long last = Math.max(first, slot(endNanos));
        long now = slot(System.nanoTime());
        first = Math.max(first, last - SLOTS + 1);
        long slots = last - first + 1;
        long share = proposals / slots;
        long rest = proposals % slots;
        for (long s = first; s <= last; s++) {
            if (s <= now - SLOTS) {
                continue;
            }
            add(s, share + (s == last ? rest : 0));
        }
    }

    /** The proposals recorded in the last second. */
    synchronized long perSecond() {
        long now = slot(System.nanoTime());
        long sum = 0;
        for (long s = now - WINDOW + 1; s <= now; s++) {
            int i = (int) Math.floorMod(s, (long) SLOTS);
            if (stamps[i] == s) {
                sum += counts[i];
            }
        }
        return sum;
    }

    private void add(long s, long amount) {
        int i = (int) Math.floorMod(s, (long) SLOTS);
        if (stamps[i] != s) {
            stamps[i] = s;
            counts[i] = 0;
        }
        counts[i] += amount;
    }

    private long slot(long nanos) {
        return Math.floorDiv(nanos - origin, SLOT_NANOS);
    }
}

package dev.switchboard.tsp.anneal;

import dev.switchboard.tsp.Distances;
import org.jspecify.annotations.Nullable;

/**
 * A tour held in two arrays (the city at each position, the position of each city) and the neighbour-list moves
 * on it: {@link #evaluate(long)} turns 64 random bits into a move and its length change in O(1);
 * {@link #apply()} performs the move last evaluated.
 *
 * <p>Every move joins a random city {@code a} to a random neighbour {@code b} from its list:
 * <ul>
 *   <li>2-opt: remove the edges after (or before) {@code a} and {@code b}, reconnect so that {@code a-b} is an
 *       edge; the path between is reversed.</li>
 *   <li>Or-opt: move the segment of 1–3 cities that starts at {@code a} (going either way) next to {@code b}, on
 *       either side of {@code b}, so that {@code a-b} is an edge; the segment's orientation follows.</li>
 * </ul>
 * Moves are applied as sequences of 2-opt reversals, each reversing whichever side of the tour is shorter. The
 * random bits are split so that one draw decides a move: bits 32–63 pick {@code a}, bits 0–9 the neighbour,
 * bits 10–17 the kind of move; the caller may use bits 18–29 for the acceptance test.
 */
final class Moves {

    /** {@link #evaluate(long)}'s answer when the random bits name no valid move (e.g. {@code b} in the segment). */
    static final int NO_MOVE = Integer.MAX_VALUE;

    private static final int TWO_OPT = 0;
    /** Or-opt, the insertion point is before {@code b} when walking from {@code a} through its segment. */
    private static final int OR_OPT_BEFORE = 1;
    /** Or-opt, the insertion point is after {@code b} in that walk. */
    private static final int OR_OPT_AFTER = 2;

    final int n;
    /** The city at each position. */
    final int[] cities;
    /** The position of each city. */
    final int[] positions;
    private final int @Nullable [] matrix;
    private final double[] xy;
    private final int[] neighbourCities;
    private final int[] neighbourDistances;
    private final int k;
    private final byte[] moveCodes;

    /** The move evaluated last: its kind and cities (2-opt: t1..t4; Or-opt: a, e, p, q, b, c). */
    private int kind;
    private int m1;
    private int m2;
    private int m3;
    private int m4;
    private int m5;
    private int m6;

    /** @param start a permutation of the problem's cities; copied */
    Moves(PreparedProblem problem, int[] start, MoveMix mix) {
        this.n = problem.size();
        this.cities = start.clone();
        this.positions = new int[n];
        for (int i = 0; i < n; i++) {
            positions[cities[i]] = i;
        }
        this.matrix = problem.matrix;
        this.xy = problem.xy;
        this.neighbourCities = problem.neighbours().cities;
        this.neighbourDistances = problem.neighbours().distances;
        this.k = problem.neighbours().size();
        this.moveCodes = mix.codes();
    }

    int distance(int i, int j) {
        int[] m = matrix;
        if (m != null) {
            return m[i * n + j];
        }
        return Distances.nint(xy[2 * i], xy[2 * i + 1], xy[2 * j], xy[2 * j + 1]);
    }

    private int wrap(int position) {
        return position < 0 ? position + n : position >= n ? position - n : position;
    }

    /** The change of length of the move these random bits name, or {@link #NO_MOVE}; remembered for apply. */
    int evaluate(long random) {
        int a = (int) (((random >>> 32) * n) >>> 32);
        int slot = a * k + (int) (((random & 0x3FF) * k) >>> 10);
        int code = moveCodes[(int) (random >>> 10) & 0xFF];
        if (code < MoveMix.OR_OPT_FIRST_CODE) {
            return twoOpt(a, neighbourCities[slot], neighbourDistances[slot], code == 0 ? 1 : -1);
        }
        code -= MoveMix.OR_OPT_FIRST_CODE;
        return orOpt(a, neighbourCities[slot], neighbourDistances[slot], 1 + (code >> 2),
                (code & 1) == 0 ? 1 : -1, (code & 2) == 0 ? 1 : -1);
    }

    /** Like {@link #evaluate(long)} but always a 2-opt move. */
    int evaluateTwoOpt(long random) {
        int a = (int) (((random >>> 32) * n) >>> 32);
        int slot = a * k + (int) (((random & 0x3FF) * k) >>> 10);
        return twoOpt(a, neighbourCities[slot], neighbourDistances[slot], (random & 0x400) == 0 ? 1 : -1);
    }

    /**
     * 2-opt making {@code a-b} an edge: with {@code a'} and {@code b'} the cities one {@code step} after
     * {@code a} and {@code b}, replace {@code (a,a'), (b,b')} by {@code (a,b), (a',b')}.
     */
    private int twoOpt(int a, int b, int ab, int step) {
        int a1 = cities[wrap(positions[a] + step)];
        int b1 = cities[wrap(positions[b] + step)];
        if (a1 == b || b1 == a) {
            return NO_MOVE;
        }
        kind = TWO_OPT;
        m1 = a;
        m2 = a1;
        m3 = b;
        m4 = b1;
        return ab + distance(a1, b1) - distance(a, a1) - distance(b, b1);
    }

    /**
     * Or-opt: walking in direction {@code step}, the tour reads {@code p [a .. e] q}, the segment having
     * {@code length} cities; {@code c} is the city {@code side} from {@code b}. Replace {@code (p,a), (e,q), (b,c)}
     * by {@code (p,q), (b,a), (e,c)}.
     */
    private int orOpt(int a, int b, int ab, int length, int step, int side) {
        int pa = positions[a];
        int pb = positions[b];
        int offset = (pb - pa) * step;
        if (offset < 0) {
            offset += n;
        }
        int offsetC = side == step ? offset + 1 : offset - 1;
        if (offset < length || offsetC < length || offsetC == n) {
            return NO_MOVE;
        }
        int e = cities[wrap(pa + step * (length - 1))];
        int p = cities[wrap(pa - step)];
        int q = cities[wrap(pa + step * length)];
        int c = cities[wrap(pb + side)];
        kind = side == step ? OR_OPT_AFTER : OR_OPT_BEFORE;
        m1 = a;
        m2 = e;
        m3 = p;
        m4 = q;
        m5 = b;
        m6 = c;
        return distance(p, q) - distance(p, a) - distance(e, q) + ab + distance(e, c) - distance(b, c);
    }

    /** Performs the move evaluated last (which must not have been {@link #NO_MOVE}). */
    void apply() {
        switch (kind) {
            case TWO_OPT -> twoOptMove(m1, m2, m3, m4);
            case OR_OPT_BEFORE -> {
                // p a..e q..c b  ->  p c..q e..a b  ->  p q..c e..a b
                twoOptMove(m3, m1, m6, m5);
                twoOptMove(m3, m6, m4, m2);
            }
            default -> {
                // p a..e q..b c  ->  p b..q e..a c  ->  p q..b e..a c  ->  p q..b a..e c
                twoOptMove(m3, m1, m5, m6);
                twoOptMove(m3, m5, m4, m2);
                if (m1 != m2) {
                    twoOptMove(m5, m2, m1, m6);
                }
            }
        }
    }

    /**
     * Replaces the edges {@code (t1,t2), (t3,t4)} by {@code (t1,t3), (t2,t4)}, where {@code t2} follows
     * {@code t1} and {@code t4} follows {@code t3} in the same direction (either).
     */
    private void twoOptMove(int t1, int t2, int t3, int t4) {
        int p1 = positions[t1];
        if (cities[p1 + 1 == n ? 0 : p1 + 1] == t2) {
            reverse(positions[t2], positions[t3]);
        } else {
            reverse(p1, positions[t4]);
        }
    }

    /** Reverses the path at positions {@code from..to} (circular), or the rest of the tour if that is shorter. */
    private void reverse(int from, int to) {
        int length = to - from;
        if (length < 0) {
            length += n;
        }
        length++;
        int i = from;
        int j = to;
        if (2 * length > n) {
            i = to + 1 == n ? 0 : to + 1;
            j = from == 0 ? n - 1 : from - 1;
            length = n - length;
        }
        int[] tour = cities;
        int[] position = positions;
        for (int swaps = length >> 1; swaps > 0; swaps--) {
            int ci = tour[i];
            int cj = tour[j];
            tour[i] = cj;
            position[cj] = i;
            tour[j] = ci;
            position[ci] = j;
            if (++i == n) {
                i = 0;
            }
            if (--j < 0) {
                j = n - 1;
            }
        }
    }
}

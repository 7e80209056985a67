package dev.switchboard.tsp.anneal;

/**
 * How often each kind of move is proposed, as a table of 256 move codes indexed by 8 random bits.
 *
 * <p>Codes 0 and 1 are 2-opt (forward, backward); from {@link #OR_OPT_FIRST_CODE} on, Or-opt with segment length
 * {@code 1 + (code' >> 2)}, segment direction {@code code' & 1} and insertion side {@code code' & 2}, where
 * {@code code' = code - OR_OPT_FIRST_CODE}.
 *
 * @param twoOptShare the fraction of 2-opt proposals, 0..1
 * @param segmentWeights relative weights of Or-opt segment lengths 1, 2 and 3
 */
record MoveMix(double twoOptShare, int[] segmentWeights) {

    static final int OR_OPT_FIRST_CODE = 2;

    /** Half 2-opt, half Or-opt with segment lengths 1, 2, 3 equally likely. */
    static final MoveMix DEFAULT = new MoveMix(0.5, new int[] {1, 1, 1});

    /** Only 2-opt. */
    static final MoveMix TWO_OPT_ONLY = new MoveMix(1.0, new int[] {1, 1, 1});

    MoveMix {
        segmentWeights = segmentWeights.clone();
        if (!(twoOptShare >= 0 && twoOptShare <= 1) || segmentWeights.length != 3) {
            throw new IllegalArgumentException("twoOptShare must be 0..1 and there must be 3 segment weights");
        }
    }

    byte[] codes() {
        byte[] codes = new byte[256];
        int twoOpt = (int) Math.round(twoOptShare * 256);
        int totalWeight = segmentWeights[0] + segmentWeights[1] + segmentWeights[2];
        for (int i = 0; i < 256; i++) {
            if (i < twoOpt) {
                codes[i] = (byte) (i & 1);
                continue;
            }
            int orOpt = i - twoOpt;
            int variant = orOpt & 3;
            int pick = (orOpt >> 2) % totalWeight;
            int length = pick < segmentWeights[0] ? 0 : pick < segmentWeights[0] + segmentWeights[1] ? 1 : 2;
            codes[i] = (byte) (OR_OPT_FIRST_CODE + (length << 2) + variant);
        }
        return codes;
    }
}

package dev.switchboard.tsp.anneal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MoveMixTests {

    @Test
    void spreadsTheCodesByShareAndSegmentWeight() {
        byte[] codes = new MoveMix(0.25, new int[] {2, 1, 1}).codes();
        int[] counts = new int[MoveMix.OR_OPT_FIRST_CODE + 12];
        for (byte code : codes) {
            counts[code]++;
        }

        assertThat(counts[0] + counts[1]).isEqualTo(64);
        assertThat(counts[0]).isEqualTo(counts[1]);
        int lengthOne = counts[2] + counts[3] + counts[4] + counts[5];
        int lengthTwo = counts[6] + counts[7] + counts[8] + counts[9];
        assertThat(lengthOne).isEqualTo(2 * lengthTwo);
    }

    @Test
    void twoOptOnlyProposesNoOrOpt() {
        for (byte code : MoveMix.TWO_OPT_ONLY.codes()) {
            assertThat(code).isLessThan((byte) MoveMix.OR_OPT_FIRST_CODE);
        }
    }
}

package dev.agentbroker.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PercentilesTest {
    @Test
    void takesTheNearestRankOfUnsortedSamples() {
        long[] samples = new long[100];
        for (int i = 0; i < 100; i++) {
            samples[i] = 100 - i;
        }
        Percentiles p = new Percentiles(samples);
        assertEquals(50, p.at(50));
        assertEquals(99, p.at(99));
        assertEquals(100, p.at(100));
        assertEquals(1, p.at(0.5));
    }

    @Test
    void aSingleSampleIsEveryPercentile() {
        Percentiles p = new Percentiles(new long[] {7});
        assertEquals(7, p.at(50));
        assertEquals(7, p.at(99));
    }

    @Test
    void rejectsNoSamplesAndPercentilesOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> new Percentiles(new long[0]));
        assertThrows(IllegalArgumentException.class, () -> new Percentiles(new long[] {1}).at(0));
        assertThrows(IllegalArgumentException.class, () -> new Percentiles(new long[] {1}).at(101));
    }

    @Test
    void medianOverRoundsOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        CellResult cell = CellResult.of(java.util.List.of(round(10), round(40), round(20), round(30)));
        assertEquals(25, cell.median(Measurement::p50));
    }

    static Measurement round(long p50) {
        return new Measurement(100, 0, null, 1_000_000_000L, p50, p50 * 2, p50, p50 * 2, 1000, 500, 100_000);
    }
}

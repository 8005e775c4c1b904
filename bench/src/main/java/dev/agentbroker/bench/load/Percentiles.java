package dev.agentbroker.bench.load;

import java.util.Arrays;

/**
 * Exact percentiles of a bounded set of nanosecond samples: sorts a copy, then takes the
 * nearest-rank value (the smallest sample with at least {@code p} percent at or below it).
 * Immutable.
 */
final class Percentiles {
    private final long[] sorted;

    Percentiles(long[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        this.sorted = samples.clone();
        Arrays.sort(sorted);
    }

    /** The nearest-rank percentile, {@code 0 < p <= 100}. */
    long at(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    int count() {
        return sorted.length;
    }
}

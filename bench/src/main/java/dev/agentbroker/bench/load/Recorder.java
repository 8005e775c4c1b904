package dev.agentbroker.bench.load;

import java.util.Arrays;
import java.util.List;

/**
 * One worker's samples in growable primitive arrays (no boxing in the timed loop), its
 * error count and first error. Used by one thread; {@link #merge} after they joined.
 */
final class Recorder {
    private long[] totals = new long[1024];
    private long[] firstBytes = new long[1024];
    private int count;
    private long errors;
    private String firstError;

    void add(Sample sample) {
        if (count == totals.length) {
            totals = Arrays.copyOf(totals, count * 2);
            firstBytes = Arrays.copyOf(firstBytes, count * 2);
        }
        totals[count] = sample.totalNanos();
        firstBytes[count] = sample.firstByteNanos();
        count++;
    }

    void failed(String message) {
        errors++;
        if (firstError == null) {
            firstError = message;
        }
    }

    static Recorder merge(List<Recorder> recorders) {
        Recorder all = new Recorder();
        for (Recorder r : recorders) {
            for (int i = 0; i < r.count; i++) {
                all.add(new Sample(r.firstBytes[i], r.totals[i]));
            }
            all.errors += r.errors;
            if (all.firstError == null) {
                all.firstError = r.firstError;
            }
        }
        return all;
    }

    int count() {
        return count;
    }

    long errors() {
        return errors;
    }

    String firstError() {
        return firstError;
    }

    long[] totals() {
        return Arrays.copyOf(totals, count);
    }

    long[] firstBytes() {
        return Arrays.copyOf(firstBytes, count);
    }
}

package dev.agentbroker.bench.load;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The rounds of one scenario on one side at one concurrency, or why it was not measured.
 * Figures over rounds are medians of the rounds' figures.
 *
 * @param problem why nothing was measured (e.g. the token endpoint is missing), or null
 * @param rounds  the timed rounds, empty when {@code problem} is set
 */
record CellResult(String problem, List<Measurement> rounds) {
    CellResult {
        rounds = List.copyOf(rounds);
        if ((problem == null) == rounds.isEmpty()) {
            throw new IllegalArgumentException("a cell has either rounds or a problem");
        }
    }

    static CellResult notMeasured(String problem) {
        return new CellResult(problem, List.of());
    }

    static CellResult of(List<Measurement> rounds) {
        return new CellResult(null, rounds);
    }

    boolean measured() {
        return problem == null;
    }

    /** The median over rounds of one figure (the mean of the middle two for an even count). */
    double median(ToDoubleFunction<Measurement> figure) {
        double[] values = rounds.stream().mapToDouble(figure).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    long errors() {
        return rounds.stream().mapToLong(Measurement::errors).sum();
    }

    String firstError() {
        return rounds.stream().map(Measurement::firstError).filter(e -> e != null).findFirst().orElse(null);
    }
}

package dev.agentbroker.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The halfway targets that the end-to-end run can judge, each as a verdict row:
 * the figure measured and whether the target holds, or why it could not be judged. The
 * targets measured by JMH (Cedar decision, token exchange, audit append) are judged in
 * their own sections of docs/benchmarks.md and listed here as such.
 */
final class Targets {
    /** One row of the targets table. */
    record Verdict(String target, String figure, String holds) {
    }

    private final Results results;

    Targets(Results results) {
        this.results = results;
    }

    List<Verdict> verdicts() {
        List<Verdict> out = new ArrayList<>();
        out.add(added("model call added p50 <= 0.5 ms at concurrency 1", "model", Measurement::p50, 0.5e6));
        out.add(throughput());
        out.add(added("MCP tool call added p50 <= 1 ms (concurrency 1)", "mcp", Measurement::p50, 1e6));
        out.add(added("streamed time to first byte within 1 ms of direct (p50, concurrency 1)", "stream",
                Measurement::firstByteP50, 1e6));
        for (String jmh : List.of("realistic Cedar decision p50 <= 100 us", "token exchange >= 2,000/s",
                "durable audit >= 20,000 records/s")) {
            out.add(new Verdict(jmh, "JMH, see its section below", "judged there"));
        }
        return out;
    }

    private Verdict added(String target, String scenario, ToDoubleFunction<Measurement> figure, double limitNanos) {
        CellResult direct = results.get(scenario, 1, Results.DIRECT);
        CellResult broker = results.get(scenario, 1, Results.BROKER);
        if (!direct.measured() || !broker.measured()) {
            return new Verdict(target, "-", "not measured: " + (broker.measured() ? direct.problem() : broker.problem()));
        }
        double added = broker.median(figure) - direct.median(figure);
        return new Verdict(target, Report.ms(added) + " added", added <= limitNanos ? "yes" : "no");
    }

    private Verdict throughput() {
        String target = ">= 5,000 model calls/s through the broker at concurrency 32";
        CellResult broker = results.get("model", 32, Results.BROKER);
        if (!broker.measured()) {
            return new Verdict(target, "-", "not measured: " + broker.problem());
        }
        double rps = broker.median(Measurement::throughput);
        return new Verdict(target, Report.rate(rps), rps >= 5000 ? "yes" : "no");
    }
}

package dev.agentbroker.bench.load;

import static dev.agentbroker.bench.load.PercentilesTest.round;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TargetsTest {
    @Test
    void judgesAddedLatencyFromTheMediansOfBothSides() {
        Results results = new Results();
        results.put("model", 1, Results.DIRECT, CellResult.of(List.of(round(200_000), round(210_000), round(190_000))));
        results.put("model", 1, Results.BROKER, CellResult.of(List.of(round(600_000), round(650_000), round(900_000))));
        results.put("mcp", 1, Results.DIRECT, CellResult.of(List.of(round(1_000_000))));
        results.put("mcp", 1, Results.BROKER, CellResult.of(List.of(round(2_500_000))));
        List<Targets.Verdict> verdicts = new Targets(results).verdicts();
        assertEquals(new Targets.Verdict("model call added p50 <= 0.5 ms at concurrency 1", "0.450 ms added", "yes"),
                verdicts.get(0));
        assertEquals("no", verdicts.get(2).holds(), verdicts.get(2).toString());
        assertEquals("1.500 ms added", verdicts.get(2).figure());
    }

    @Test
    void saysWhyATargetWasNotMeasured() {
        Results results = new Results();
        results.put("model", 32, Results.BROKER, CellResult.notMeasured("token endpoint missing"));
        List<Targets.Verdict> verdicts = new Targets(results).verdicts();
        assertEquals("not measured: token endpoint missing", verdicts.get(1).holds());
        assertTrue(verdicts.get(0).holds().startsWith("not measured"), verdicts.get(0).toString());
    }
}

package dev.agentbroker.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BrokerPartsTest {
    private static final String BEFORE = """
            # TYPE broker_policy_evaluation_seconds summary
            broker_policy_evaluation_seconds_count 10
            broker_policy_evaluation_seconds_sum 0.001
            broker_audit_wait_seconds_count 4.0
            broker_audit_wait_seconds_sum 0.002
            """;
    private static final String AFTER = """
            broker_policy_evaluation_seconds_count 110
            broker_policy_evaluation_seconds_sum 0.013
            broker_policy_evaluation_seconds_max 0.004
            broker_audit_wait_seconds_count 54.0
            broker_audit_wait_seconds_sum 0.027
            """;

    @Test
    void meansAreTheDifferencesOfSumOverCountBetweenTwoScrapes() {
        BrokerParts parts = BrokerParts.between(BrokerParts.parse(BEFORE), BrokerParts.parse(AFTER));

        assertEquals(120, parts.parts().get("Cedar decision").meanMicros(), 1e-6);
        assertEquals(100, parts.parts().get("Cedar decision").count());
        assertEquals(500, parts.parts().get("wait for a durable audit record").meanMicros(), 1e-6);
        assertEquals("Cedar decision 120 us (x 100); wait for a durable audit record 500 us (x 50)", parts.line());
    }

    @Test
    void aTimerThatTimedNothingIsLeftOut() {
        assertEquals("", BrokerParts.between(BrokerParts.parse(BEFORE), BrokerParts.parse(BEFORE)).line());
    }
}

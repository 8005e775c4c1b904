package dev.agentbroker.broker.enforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.agentbroker.broker.audit.AuditEvent;

/**
 * The broker's own share of a model call can be read off {@code /metrics}: the Cedar decision,
 * the wait for the durable audit record and the provider's part (to its response headers)
 * are timed per call, and the provider's part is also in the call's audit record.
 */
class OverheadMetricsTest {
    @TempDir
    Path tmp;

    @Test
    void aModelCallIsTimedByPartAndItsRecordCarriesTheProvidersShare() throws Exception {
        try (RunningBroker b = new RunningBroker(Quickstart.POLICIES, false, tmp.resolve("data"))) {
            for (int i = 0; i < 3; i++) {
                assertEquals(200, b.chatAs(Quickstart.chain(1), "sandbox").statusCode());
            }
            String metrics = b.metrics();

            assertEquals(3, count(metrics, "broker_model_upstream_seconds_count"), metrics);
            assertTrue(count(metrics, "broker_audit_wait_seconds_count") >= 3, metrics);
            assertTrue(count(metrics, "broker_policy_evaluation_seconds_count") >= 3, metrics);
            AuditEvent call = b.audit.last("model.call");
            long upstream = ((Number) call.attributes().get("upstream_micros")).longValue();
            assertTrue(upstream >= 0 && upstream <= call.latencyMicros(), upstream + " of " + call.latencyMicros());
        }
    }

    private static double count(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(metrics);
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }
}

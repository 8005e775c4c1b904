package dev.agentbroker.broker.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.agentbroker.broker.config.BrokerConfig;
import dev.agentbroker.broker.config.ConfigLoader;
import dev.agentbroker.llm.CallGate;
import dev.agentbroker.llm.Caller;
import dev.agentbroker.llm.Endpoint;
import dev.agentbroker.llm.ModelGateway;
import dev.agentbroker.llm.ResponseSink;
import dev.agentbroker.llm.usage.ModelCallListener;
import dev.agentbroker.llm.usage.InMemoryBudgetLedger;
import dev.agentbroker.llm.usage.ModelCallRecord;

/**
 * A streamed answer is acknowledged only once its call is recorded: the record is made before
 * the client gets the terminal event, a failing record ends the stream with an error event
 * instead, and when the audit is known to be down the call is refused before any provider.
 */
class StreamRecordingTest {
    private static final String STREAM = "{\"model\":\"sandbox-large\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"ping pong\"}]}";
    private final ByteArrayOutputStream client = new ByteArrayOutputStream();
    private final ResponseSink sink = (status, type, headers) -> client;

    @Test
    void theRecordIsMadeBeforeTheClientSeesTheStreamEnd() {
        List<String> seenWhenRecorded = new ArrayList<>();
        gateway(record -> seenWhenRecorded.add(client.toString(StandardCharsets.UTF_8)))
                .handle(Endpoint.CHAT_COMPLETIONS, caller(), STREAM.getBytes(StandardCharsets.UTF_8), sink);

        assertEquals(1, seenWhenRecorded.size());
        assertTrue(seenWhenRecorded.getFirst().contains("You said"), "content went out before: " + seenWhenRecorded);
        assertFalse(seenWhenRecorded.getFirst().contains("[DONE]"), "the end waited for the record");
        assertTrue(client.toString(StandardCharsets.UTF_8).endsWith("data: [DONE]\n\n"), client.toString());
    }

    @Test
    void aRecordThatFailsEndsTheStreamWithAnErrorEventNotItsEnd() {
        gateway(record -> {
            throw new IllegalStateException("disk full");
        }).handle(Endpoint.CHAT_COMPLETIONS, caller(), STREAM.getBytes(StandardCharsets.UTF_8), sink);

        String body = client.toString(StandardCharsets.UTF_8);
        assertFalse(body.contains("[DONE]"), body);
        assertTrue(body.contains("audit_unavailable"), body);
    }

    @Test
    void aCallIsRefusedBeforeAnyProviderWhileCallsCannotBeRecorded() {
        List<ModelCallRecord> records = new ArrayList<>();
        ModelCallListener down = new ModelCallListener() {
            @Override
            public void onCall(ModelCallRecord record) {
                records.add(record);
            }

            @Override
            public boolean accepting() {
                return false;
            }
        };
        int[] status = new int[1];
        gateway(down).handle(Endpoint.CHAT_COMPLETIONS, caller(), STREAM.getBytes(StandardCharsets.UTF_8),
                (s, type, headers) -> {
                    status[0] = s;
                    return client;
                });

        assertEquals(503, status[0]);
        assertTrue(client.toString(StandardCharsets.UTF_8).contains("audit_unavailable"), client.toString());
        assertEquals(-1, records.getFirst().upstreamMicros(), "no provider was asked");
    }

    private static ModelGateway gateway(ModelCallListener listener) {
        BrokerConfig config = new ConfigLoader().parse("test", "server:\n  port: 0\n" + ModelsEndpointsTest.CONFIG);
        return ModelsFeature.gateway(config.providers(), config.models(), CallGate.ALLOW_ALL, listener,
                new InMemoryBudgetLedger(), Map.of());
    }

    private static Caller caller() {
        return new Caller("jti-1", "alice", "research-agent", List.of("research-agent"), "task-1", null,
                Set.of("model:*"));
    }
}

package dev.agentbroker.broker.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.agentbroker.broker.Broker;
import dev.agentbroker.broker.audit.AuditConfig;
import dev.agentbroker.broker.audit.AuditFeature;
import dev.agentbroker.broker.cli.Cli;
import dev.agentbroker.broker.config.BrokerConfig;
import dev.agentbroker.broker.config.ConfigLoader;
import dev.agentbroker.broker.policy.AgentDescriptor;
import dev.agentbroker.broker.token.InvalidTokenException;
import dev.agentbroker.broker.token.VerifiedToken;

/**
 * The real model path into the real log: a chat completion through the running broker whose
 * scripted answer asks for {@code fs__write_file} is recorded by the models area as
 * {@code model.call}, and {@code bin/broker trace} shows it under the acting agent with its
 * Cedar decision and the tool call it asked for.
 */
class ModelCallTraceTest {
    @Test
    void aModelCallThroughTheBrokerAppearsInTheTraceWithItsToolCalls(@TempDir Path dataDir) throws Exception {
        BrokerConfig config = new ConfigLoader().parse("test", """
                server:
                  port: 0
                providers:
                  sandbox:
                    kind: sandbox
                models:
                  aliases:
                    sandbox:
                      deployments:
                        - provider: sandbox
                          model: write-file
                policies:
                  directory: builtin:quickstart
                """).withDataDir(dataDir);
        VerifiedToken token = new VerifiedToken("jti-1", "alice", List.of("research"), "research-agent",
                List.of("research-agent"), "task-m1", "0af7651916cd43dd8448eb211c80319c", Set.of("model:*"), List.of(),
                Instant.now(), Instant.now().plusSeconds(300), null);
        try (AuditFeature audit = AuditFeature.start(AuditConfig.defaults(), dataDir)) {
            Broker broker = Broker.start(config, (bearer, resource) -> {
                if (!bearer.equals("t1")) {
                    throw new InvalidTokenException("token is not valid");
                }
                return token;
            }, audit.sink());
            try {
                broker.policy().entities().setAgents(List.of(new AgentDescriptor("research-agent", Set.of("assistant"))));
                HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                broker.server().baseUrl().resolve("/v1/chat/completions"))
                        .header("Authorization", "Bearer t1").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"model\":\"sandbox\",\"messages\":[{\"role\":\"user\",\"content\":\"write a note\"}]}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, answer.statusCode(), answer.body());
                assertTrue(answer.body().contains("fs__write_file"), answer.body());
            } finally {
                broker.stop();
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of())
                .run("trace", "task-m1", "--data-dir", dataDir.toString());
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, text);
        List<String> lines = text.lines().toList();
        assertEquals("user alice", lines.get(1), text);
        assertEquals("└─ agent research-agent", lines.get(2), text);
        assertTrue(lines.get(3).contains("model.call  invoke_model  Model::\"sandbox\"  -> allow by ["), text);
        assertTrue(lines.get(3).matches(".*asked for: fs__write_file \\[[^\\]]+\\].*"), text);
    }
}

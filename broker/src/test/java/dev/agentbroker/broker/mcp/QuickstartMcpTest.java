package dev.agentbroker.broker.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.agentbroker.broker.Broker;
import dev.agentbroker.broker.config.BrokerConfig;
import dev.agentbroker.broker.config.ConfigLoader;
import dev.agentbroker.broker.policy.AgentDescriptor;

/**
 * The whole wiring of {@code Broker.start} with the embedded quickstart configuration: the
 * sandbox servers behind {@code /mcp}, decided by the quickstart Cedar policies.
 */
class QuickstartMcpTest {
    @TempDir
    Path dataDir;

    @Test
    void theQuickstartServesItsSandboxServersUnderCedar() throws Exception {
        BrokerConfig config = new ConfigLoader().loadEmbedded().withPort(0).withDataDir(dataDir);
        McpTokens tokens = new McpTokens();
        AuditRecorder audit = new AuditRecorder();
        Broker broker = Broker.start(config, tokens, audit);
        try {
            broker.policy().entities().setAgents(List.of(new AgentDescriptor("research-agent", Set.of("assistant"))));
            URI base = broker.server().baseUrl();
            String token = tokens.issueFor("alice", "research", "research-agent", base + "/mcp", "mcp:fs", "mcp:notes");
            McpTestClient client = new McpTestClient(URI.create(base + "/mcp"), token);
            client.initialize();
            List<String> tools = McpTestClient.names(client.request("tools/list", JsonValue.EMPTY_JSON_OBJECT), "tools", "name");
            assertTrue(tools.containsAll(List.of("fs__read_file", "fs__write_file", "notes__put_note")), tools.toString());

            JsonObject wrote = client.request("tools/call", call("fs__write_file",
                    Json.createObjectBuilder().add("path", "/sandbox/hello.txt").add("content", "hi").build()));
            assertFalse(wrote.getJsonObject("result").getBoolean("isError"), wrote.toString());
            assertEquals("hi", Files.readString(dataDir.resolve("sandbox/hello.txt")), "the fs root is <data-dir>/sandbox");

            JsonObject escaped = client.request("tools/call", call("fs__write_file",
                    Json.createObjectBuilder().add("path", "/sandbox/../etc/passwd").add("content", "x").build()));
            assertEquals(JsonValue.TRUE, escaped.getJsonObject("result").get("isError"), escaped.toString());
            assertTrue(McpTestClient.text(escaped).startsWith("call_tool on fs__write_file denied"), escaped.toString());
            assertFalse(audit.ofType("tool.call").isEmpty());
        } finally {
            broker.stop();
        }
    }

    private static JsonObject call(String name, JsonObject arguments) {
        return Json.createObjectBuilder().add("name", name).add("arguments", arguments).build();
    }
}

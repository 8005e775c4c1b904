package dev.agentbroker.broker.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official MCP Java SDK client ({@code McpSyncClient} over
 * {@code HttpClientStreamableHttpTransport}, bearer token in {@code Authorization}) works
 * through the broker against the quickstart's sandbox servers.
 */
class JavaSdkClientTest {
    @TempDir
    static Path dataDir;
    static McpHarness broker;

    @BeforeAll
    static void start() {
        broker = new McpHarness("""
                mcp:
                  servers:
                    fs:
                      sandbox: fs
                    notes:
                      sandbox: notes
                """, dataDir, Map.of());
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    private static McpSyncClient client(String endpoint, String token) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(broker.base().toString())
                .endpoint(endpoint)
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                .build();
        return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(10)).build();
    }

    private static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    @Test
    void listsAndCallsNamespacedToolsThroughTheAggregate() {
        try (McpSyncClient client = client("/mcp", broker.token("mcp:fs", "mcp:notes"))) {
            McpSchema.InitializeResult init = client.initialize();
            assertEquals("agent-broker", init.serverInfo().name());
            List<String> names = client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
            assertEquals(List.of("fs__read_file", "fs__write_file", "fs__list_directory", "fs__delete_file",
                    "notes__put_note", "notes__get_note", "notes__list_notes"), names);
            McpSchema.CallToolResult wrote = client.callTool(new McpSchema.CallToolRequest("fs__write_file",
                    Map.of("path", "/sandbox/sdk.txt", "content", "from the Java SDK")));
            assertFalse(Boolean.TRUE.equals(wrote.isError()), text(wrote));
            assertEquals("from the Java SDK", text(client.callTool(new McpSchema.CallToolRequest("fs__read_file",
                    Map.of("path", "/sandbox/sdk.txt")))));
            assertTrue(client.listResources().resources().stream().anyMatch(r -> r.uri().equals("notes+notes://all")));
            McpSchema.GetPromptResult prompt = client.getPrompt(new McpSchema.GetPromptRequest("notes__summarize",
                    Map.of("topic", "q3")));
            assertTrue(((McpSchema.TextContent) prompt.messages().get(0).content()).text().contains("about q3"));
        }
    }

    @Test
    void aSingleServerViewLooksLikeTheUpstreamItself() {
        try (McpSyncClient client = client("/mcp/notes", broker.token("mcp:notes"))) {
            assertEquals("sandbox-notes", client.initialize().serverInfo().name());
            client.callTool(new McpSchema.CallToolRequest("put_note", Map.of("key", "milk", "text", "remember the milk")));
            assertEquals("milk: remember the milk", text(client.callTool(new McpSchema.CallToolRequest("list_notes", Map.of()))));
        }
    }

    @Test
    void aDenialReachesTheSdkAsAnErrorResultWithTheReason() {
        try (McpSyncClient client = client("/mcp", broker.token("mcp:fs/read_file"))) {
            client.initialize();
            McpSchema.CallToolResult denied = client.callTool(new McpSchema.CallToolRequest("fs__delete_file",
                    Map.of("path", "/sandbox/sdk.txt")));
            assertEquals(Boolean.TRUE, denied.isError());
            assertTrue(text(denied).contains("call_tool on fs__delete_file denied"), text(denied));
        }
    }
}

package dev.agentbroker.broker.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.agentbroker.broker.Broker;
import dev.agentbroker.broker.config.ConfigLoader;
import dev.agentbroker.mcp.jsonrpc.JsonRpc;

/**
 * Acceptance 7 with the real parts: the embedded quickstart broker (token service, durable
 * audit log, Cedar), a task token obtained from {@code /oauth2/token} by RFC 8693 exchange of
 * a dev-IdP user token, and the MCP Java SDK client using it on {@code /mcp}.
 */
class TaskTokenEndToEndTest {
    @TempDir
    Path dataDir;

    @Test
    void theJavaSdkClientWorksWithATaskTokenFromTheTokenEndpoint() throws Exception {
        Broker broker = Broker.start(new ConfigLoader().loadEmbedded().withPort(0).withDataDir(dataDir));
        try {
            URI base = broker.server().baseUrl();
            String user = token(form(base, null, "/dev-idp/token", "username=alice"));
            String actor = token(form(base, "research-agent", "/oauth2/token", "grant_type=client_credentials"));
            String task = token(form(base, "research-agent", "/oauth2/token",
                    "grant_type=urn:ietf:params:oauth:grant-type:token-exchange&subject_token=" + user
                            + "&subject_token_type=urn:ietf:params:oauth:token-type:jwt&actor_token=" + actor
                            + "&actor_token_type=urn:ietf:params:oauth:token-type:access_token&scope=mcp:fs"
                            + "&resource=" + base + "/mcp"));
            HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base.toString())
                    .endpoint("/mcp").requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + task)).build();
            try (McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(10)).build()) {
                client.initialize();
                List<String> names = client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
                assertTrue(names.contains("fs__write_file"), names.toString());
                assertTrue(names.stream().noneMatch(n -> n.startsWith("notes__")), "the task token is scoped to mcp:fs: " + names);
                McpSchema.CallToolResult wrote = client.callTool(new McpSchema.CallToolRequest("fs__write_file",
                        Map.of("path", "/sandbox/task.txt", "content", "written with a task token")));
                assertFalse(Boolean.TRUE.equals(wrote.isError()), wrote.toString());
            }
            assertEquals("written with a task token", Files.readString(dataDir.resolve("sandbox/task.txt")));
            HttpResponse<String> anonymous = McpTestClient.HTTP.send(HttpRequest.newBuilder(URI.create(base + "/mcp"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, anonymous.statusCode());
        } finally {
            broker.stop();
        }
    }

    private static HttpResponse<String> form(URI base, String agent, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        if (agent != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (agent + ":demo-secret-" + agent).getBytes(StandardCharsets.UTF_8)));
        }
        return McpTestClient.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return JsonRpc.parse(response.body()).asJsonObject().getString("access_token");
    }
}

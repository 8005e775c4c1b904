package dev.agentbroker.broker.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox servers also run as separate stdio processes ({@code SandboxMain}), without npm. */
class SandboxOverStdioTest {
    @TempDir
    Path dataDir;

    @Test
    void theFileSystemServerServesItsRootOverStdio() throws Exception {
        Path root = Files.createDirectories(dataDir.resolve("root"));
        Files.writeString(root.resolve("hello.txt"), "hello over stdio");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try (McpHarness broker = new McpHarness("""
                mcp:
                  servers:
                    files:
                      stdio:
                        command: %s
                        args: [-cp, "%s", dev.agentbroker.mcp.sandbox.SandboxMain, fs, "%s"]
                """.formatted(java, System.getProperty("java.class.path"), root), dataDir, Map.of())) {
            McpTestClient client = broker.client("/mcp", broker.token("mcp:files"));
            client.initialize();
            assertEquals("hello over stdio", McpTestClient.text(client.request("tools/call", Json.createObjectBuilder()
                    .add("name", "files__read_file").add("arguments", Json.createObjectBuilder().add("path", "/sandbox/hello.txt"))
                    .build())));
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(broker.url("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(metrics.contains("broker_mcp_upstream_seconds_count 1\n"), "the forwarded call is timed: " + metrics);
        }
    }
}

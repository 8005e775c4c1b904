package dev.agentbroker.examples.agent;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * The broker's MCP endpoint through the MCP Java SDK client (Streamable HTTP). One client
 * per task token: the broker binds the MCP session to the token's subject.
 */
final class ToolClient implements AutoCloseable {
    private final McpSyncClient client;

    ToolClient(URI brokerUrl, String taskToken) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(brokerUrl.toString())
                .endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + taskToken))
                .build();
        client = McpClient.sync(transport)
                .clientInfo(new McpSchema.Implementation("example-java-agent", "1.0"))
                .requestTimeout(Duration.ofSeconds(60))
                .build();
        client.initialize();
    }

    /** The tools this task may use (the broker lists only those), namespaced {@code server__tool}. */
    List<McpSchema.Tool> tools() {
        return client.listTools().tools();
    }

    /** Calls a tool; a denial comes back as a result with {@code isError}, not an exception. */
    ToolResult call(String name, String jsonArguments) {
        McpSchema.CallToolResult result = client.callTool(
                new McpSchema.CallToolRequest(McpJsonDefaults.getMapper(), name, jsonArguments));
        String text = result.content().stream()
                .filter(McpSchema.TextContent.class::isInstance)
                .map(c -> ((McpSchema.TextContent) c).text())
                .collect(Collectors.joining("\n"));
        return new ToolResult(Boolean.TRUE.equals(result.isError()), text);
    }

    @Override
    public void close() {
        client.closeGracefully();
    }

    /** What a tool answered: its text, and whether it is an error (a policy denial included). */
    record ToolResult(boolean isError, String text) {
    }
}

package dev.agentbroker.broker.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.agentbroker.broker.audit.AuditEvent;

/**
 * The real {@code @modelcontextprotocol/server-everything} behind the broker, once as a stdio
 * child ({@code everything}), as a Streamable HTTP server ({@code web}) and as a legacy
 * HTTP+SSE server ({@code legacy}): namespaced
 * listing, calls, progress, sampling relayed to the client, resources, prompts and fidelity.
 */
class EverythingGatewayTest {
    @TempDir
    static Path dataDir;
    static Process web;
    static Process legacy;
    static int webPort;
    static McpHarness broker;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        Path everything = NodeUpstreams.everything();
        webPort = NodeUpstreams.freePort();
        web = NodeUpstreams.everythingHttp(webPort);
        int legacyPort = NodeUpstreams.freePort();
        legacy = NodeUpstreams.everything("sse", legacyPort);
        broker = new McpHarness("""
                mcp:
                  servers:
                    everything:
                      stdio:
                        command: %s
                        args: [%s, stdio]
                        env:
                          MARKER: configured
                    web:
                      streamable-http:
                        url: http://127.0.0.1:%d/mcp
                    legacy:
                      sse:
                        url: http://127.0.0.1:%d/sse
                """.formatted(NodeUpstreams.node(), everything, webPort, legacyPort), dataDir, Map.of());
        token = broker.token("mcp:*");
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
        if (web != null) {
            web.destroy();
        }
        if (legacy != null) {
            legacy.destroy();
        }
    }

    private static McpTestClient session(String path) throws Exception {
        McpTestClient client = broker.client(path, token);
        client.initialize();
        return client;
    }

    private static JsonObject args(String... pairs) {
        var b = Json.createObjectBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            b.add(pairs[i], pairs[i + 1]);
        }
        return b.build();
    }

    private static JsonObject call(String name, JsonObject arguments) {
        return Json.createObjectBuilder().add("name", name).add("arguments", arguments).build();
    }

    @Test
    void listsTheToolsOfBothUpstreamsUnderNamespacedNames() throws Exception {
        List<String> names = McpTestClient.names(session("/mcp").request("tools/list", JsonValue.EMPTY_JSON_OBJECT), "tools", "name");
        assertTrue(names.contains("everything__echo"), names.toString());
        assertTrue(names.contains("web__echo"), names.toString());
        assertTrue(names.contains("everything__trigger-sampling-request"), "declared sampling makes it appear: " + names);
        names.forEach(n -> assertTrue(n.matches("^[a-zA-Z0-9_-]{1,64}$"), n));
    }

    @ParameterizedTest
    @ValueSource(strings = {"everything", "web", "legacy"})
    void callsAToolOfEachTransport(String server) throws Exception {
        JsonObject response = session("/mcp").request("tools/call", call(server + "__echo", args("message", "hi " + server)));
        assertEquals("Echo: hi " + server, McpTestClient.text(response));
        AuditEvent event = broker.audit.ofType("tool.call").stream()
                .filter(e -> (server + "__echo").equals(e.attributes().get("tool"))).findFirst().orElseThrow();
        assertEquals("allow", event.decision());
        assertEquals("ok", event.outcome());
        assertEquals(64, String.valueOf(event.attributes().get("argument_digest")).length());
        assertFalse(event.toString().contains("hi " + server), "arguments are never audited, only their digest");
    }

    @Test
    void singleServerViewUsesTheUpstreamsOwnNames() throws Exception {
        McpTestClient client = session("/mcp/everything");
        JsonObject listed = client.request("tools/list", JsonValue.EMPTY_JSON_OBJECT);
        assertTrue(listed.containsKey("result"), listed.toString());
        List<String> names = McpTestClient.names(listed, "tools", "name");
        assertTrue(names.contains("echo"), names.toString());
        assertEquals("Echo: x", McpTestClient.text(client.request("tools/call", call("echo", args("message", "x")))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"everything", "web"})
    void relaysProgressWithTheClientsOwnToken(String server) throws Exception {
        JsonObject params = Json.createObjectBuilder().add("name", server + "__trigger-long-running-operation")
                .add("arguments", Json.createObjectBuilder().add("duration", 1).add("steps", 3))
                .add("_meta", Json.createObjectBuilder().add("progressToken", "my-progress-" + server)).build();
        McpTestClient client = session("/mcp");
        JsonObject response = client.stream("tools/call", params, m -> null, true);
        assertTrue(McpTestClient.text(response).contains("completed"), response.toString());
        List<JsonObject> progress = client.notifications.stream()
                .filter(n -> "notifications/progress".equals(n.getString("method"))).toList();
        assertEquals(3, progress.size(), client.notifications.toString());
        progress.forEach(p -> assertEquals("my-progress-" + server, p.getJsonObject("params").getString("progressToken")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"everything", "web"})
    void relaysASamplingRequestToTheRequestingClient(String server) throws Exception {
        McpTestClient client = session("/mcp");
        JsonObject params = call(server + "__trigger-sampling-request",
                Json.createObjectBuilder().add("prompt", "say hi").add("maxTokens", 20).build());
        JsonObject[] asked = new JsonObject[1];
        JsonObject response = client.stream("tools/call", params, request -> {
            asked[0] = request;
            return Json.createObjectBuilder().add("role", "assistant").add("model", "test-model")
                    .add("content", Json.createObjectBuilder().add("type", "text").add("text", "sampled by the client")).build();
        }, true);
        assertEquals("sampling/createMessage", asked[0].getString("method"));
        assertTrue(response.toString().contains("sampled by the client"), response.toString());
    }

    @Test
    void servesResourcesAndPromptsWithPrefixedNames() throws Exception {
        McpTestClient client = session("/mcp");
        List<String> uris = McpTestClient.names(client.request("resources/list", JsonValue.EMPTY_JSON_OBJECT), "resources", "uri");
        String uri = uris.stream().filter(u -> u.startsWith("everything+demo://resource/static/document/")).findFirst()
                .orElseThrow(() -> new AssertionError(uris.toString()));
        assertTrue(uris.stream().anyMatch(u -> u.startsWith("web+")), uris.toString());
        JsonObject read = client.request("resources/read", Json.createObjectBuilder().add("uri", uri).build());
        assertFalse(read.getJsonObject("result").getJsonArray("contents").isEmpty(), read.toString());

        List<String> prompts = McpTestClient.names(client.request("prompts/list", JsonValue.EMPTY_JSON_OBJECT), "prompts", "name");
        assertTrue(prompts.contains("everything__simple-prompt"), prompts.toString());
        JsonObject prompt = client.request("prompts/get", Json.createObjectBuilder().add("name", "web__simple-prompt").build());
        assertFalse(prompt.getJsonObject("result").getJsonArray("messages").isEmpty(), prompt.toString());
        assertEquals(1, broker.audit.ofType("resource.read").size() + 0 * broker.audit.ofType("prompt.get").size());
        assertEquals(1, broker.audit.ofType("prompt.get").size());
    }

    @Test
    void keepsEveryFieldOfTheUpstreamsToolDefinitions() throws Exception {
        McpTestClient direct = new McpTestClient(java.net.URI.create("http://127.0.0.1:" + webPort + "/mcp"), null);
        direct.initialize();
        JsonObject upstream = direct.request("tools/list", JsonValue.EMPTY_JSON_OBJECT).getJsonObject("result");
        JsonObject viaBroker = session("/mcp/web").request("tools/list", JsonValue.EMPTY_JSON_OBJECT).getJsonObject("result");
        Map<String, JsonObject> byName = new java.util.HashMap<>();
        upstream.getJsonArray("tools").forEach(t -> byName.put(t.asJsonObject().getString("name"), t.asJsonObject()));
        int compared = 0;
        for (JsonValue tool : viaBroker.getJsonArray("tools")) {
            JsonObject expected = byName.get(tool.asJsonObject().getString("name"));
            if (expected != null) {
                assertEquals(expected, tool, "the broker relays the definition unchanged");
                compared++;
            }
        }
        assertTrue(compared >= 10, "compared " + compared);
        assertTrue(viaBroker.toString().contains("outputSchema") && viaBroker.toString().contains("annotations"));
    }

    @Test
    void aStdioChildSeesOnlyItsConfiguredEnvironment() throws Exception {
        String env = McpTestClient.text(session("/mcp").request("tools/call", call("everything__get-env", JsonValue.EMPTY_JSON_OBJECT)));
        JsonObject vars = dev.agentbroker.mcp.jsonrpc.JsonRpc.parse(env).asJsonObject();
        assertEquals("configured", vars.getString("MARKER"));
        for (String broker : System.getenv().keySet()) {
            assertFalse(vars.containsKey(broker), "the broker's own " + broker + " leaked into the child");
        }
    }
}

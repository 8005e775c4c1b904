package dev.agentbroker.broker.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.agentbroker.mcp.jsonrpc.JsonRpc;

/**
 * The front end over the wire with the quickstart's sandbox servers: authentication and its
 * RFC 9728 challenge, audiences, scopes, CORS, DNS-rebinding checks, and the bad-input matrix
 * (each case a 4xx or a JSON-RPC error, never a 5xx).
 */
class McpEndpointTest {
    @TempDir
    static Path dataDir;
    static McpHarness broker;
    static String token;
    static McpTestClient session;

    @BeforeAll
    static void start() throws Exception {
        broker = new McpHarness("""
                mcp:
                  max-request-bytes: 4096
                  connect-timeout: 500ms
                  servers:
                    fs:
                      sandbox: fs
                    notes:
                      sandbox: notes
                    down:
                      streamable-http:
                        url: http://127.0.0.1:1/mcp
                """, dataDir, Map.of());
        token = broker.token("mcp:*");
        session = broker.client("/mcp", token);
        session.initialize();
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    private static HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(broker.url(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return McpTestClient.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void unauthenticatedRequestsGetTheChallengeWithResourceMetadata() throws Exception {
        for (String method : List.of("GET", "POST", "DELETE")) {
            HttpResponse<String> res = send(method, "/mcp", method.equals("POST") ? "{}" : null, "Accept", "text/event-stream");
            assertEquals(401, res.statusCode(), method);
            assertEquals("Bearer resource_metadata=\"" + broker.base() + "/.well-known/oauth-protected-resource/mcp\"",
                    res.headers().firstValue("WWW-Authenticate").orElseThrow());
        }
        HttpResponse<String> bad = send("POST", "/mcp/fs", "{}", "Authorization", "Bearer nope");
        assertEquals(401, bad.statusCode());
        assertTrue(bad.headers().firstValue("WWW-Authenticate").orElseThrow().contains("error=\"invalid_token\""));
        assertTrue(bad.headers().firstValue("WWW-Authenticate").orElseThrow()
                .contains("oauth-protected-resource/mcp/fs\""));
    }

    @Test
    void publishesProtectedResourceMetadataForTheAggregateAndEachServer() throws Exception {
        JsonObject all = JsonRpc.parse(send("GET", "/.well-known/oauth-protected-resource/mcp", null).body()).asJsonObject();
        assertEquals(broker.base() + "/mcp", all.getString("resource"));
        assertEquals(broker.base().toString(), all.getJsonArray("authorization_servers").getString(0));
        assertTrue(all.getJsonArray("scopes_supported").toString().contains("mcp:notes"));
        HttpResponse<String> fs = send("GET", "/.well-known/oauth-protected-resource/mcp/fs", null);
        assertEquals(broker.base() + "/mcp/fs", JsonRpc.parse(fs.body()).asJsonObject().getString("resource"));
        assertEquals("*", fs.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertEquals(404, send("GET", "/.well-known/oauth-protected-resource/mcp/nope", null).statusCode());
    }

    @Test
    void aTokenForTheAggregateServesEachServerButNotTheOtherWayRound() throws Exception {
        McpTestClient fs = broker.client("/mcp/fs", token);
        fs.initialize();
        String fsOnly = broker.tokens.issue("alice", broker.base() + "/mcp/fs", "mcp:fs");
        broker.client("/mcp/fs", fsOnly).initialize();
        assertEquals(401, broker.client("/mcp", fsOnly).raw("{}", "application/json").statusCode());
    }

    @Test
    void scopesDecideWhatIsListedAndCallable() throws Exception {
        String readOnly = broker.token("mcp:fs/read_file");
        McpTestClient client = broker.client("/mcp", readOnly);
        client.initialize();
        assertEquals(List.of("fs__read_file"), McpTestClient.names(client.request("tools/list", JsonValue.EMPTY_JSON_OBJECT), "tools", "name"));
        JsonObject denied = client.request("tools/call", Json.createObjectBuilder().add("name", "fs__write_file")
                .add("arguments", Json.createObjectBuilder().add("path", "/sandbox/a").add("content", "x")).build());
        assertEquals(JsonValue.TRUE, denied.getJsonObject("result").get("isError"));
        assertEquals("call_tool on fs__write_file denied: the token's scopes do not include mcp:fs/write_file",
                McpTestClient.text(denied));
        assertEquals("deny", broker.audit.ofType("tool.call").stream().filter(e -> "deny".equals(e.decision()))
                .findFirst().orElseThrow().decision());
        assertEquals(403, broker.client("/mcp/notes", readOnly).raw("{}", "application/json").statusCode());
    }

    @Test
    void aFailingUpstreamDoesNotBreakTheAggregate() throws Exception {
        List<String> names = McpTestClient.names(session.request("tools/list", JsonValue.EMPTY_JSON_OBJECT), "tools", "name");
        assertTrue(names.contains("fs__read_file") && names.contains("notes__put_note"), names.toString());
        assertTrue(names.stream().noneMatch(n -> n.startsWith("down__")), names.toString());
        McpTestClient down = broker.client("/mcp/down", token);
        HttpResponse<String> init = down.raw(JsonRpc.write(JsonRpc.request(Json.createValue(1), "initialize",
                Json.createObjectBuilder().add("protocolVersion", "2025-11-25").build())), "application/json");
        assertEquals(200, init.statusCode(), init.body());
        down.sessionId = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        JsonObject failed = down.request("tools/list", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(-32002, failed.getJsonObject("error").getInt("code"), failed.toString());
        assertTrue(failed.getJsonObject("error").getString("message").contains("upstream down"), failed.toString());
    }

    @Test
    void corsPreflightExposesTheHeadersBrowserClientsNeed() throws Exception {
        HttpResponse<String> res = send("OPTIONS", "/mcp", null, "Origin", "http://localhost:6274",
                "Access-Control-Request-Method", "POST");
        assertEquals(204, res.statusCode());
        assertEquals("http://localhost:6274", res.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertTrue(res.headers().firstValue("Access-Control-Expose-Headers").orElseThrow().contains("Mcp-Session-Id"));
        assertTrue(res.headers().firstValue("Access-Control-Expose-Headers").orElseThrow().contains("WWW-Authenticate"));
        assertTrue(res.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().contains("Authorization"));
    }

    @Test
    void foreignOriginsAndHostsAreRefused() throws Exception {
        assertEquals(403, session.raw("{}", "application/json", "Origin", "https://evil.example").statusCode());
        try (Socket socket = new Socket("127.0.0.1", broker.base().getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /mcp HTTP/1.1\r\nHost: evil.example\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")
                    .getBytes(StandardCharsets.US_ASCII));
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertTrue(status.contains(" 403 "), status);
        }
    }

    static Stream<Arguments> badInput() {
        String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"x\":\"" + "a".repeat(5000) + "\"}}";
        return Stream.of(
                Arguments.of("malformed JSON", "{\"jsonrpc\":", "application/json", List.of(), 400, JsonRpc.PARSE_ERROR),
                Arguments.of("not JSON at all", "hello", "application/json", List.of(), 400, JsonRpc.PARSE_ERROR),
                Arguments.of("a batch", "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]", "application/json", List.of(), 400, JsonRpc.INVALID_REQUEST),
                Arguments.of("wrong jsonrpc", "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}", "application/json", List.of(), 400, JsonRpc.INVALID_REQUEST),
                Arguments.of("id is an object", "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}", "application/json", List.of(), 400, JsonRpc.INVALID_REQUEST),
                Arguments.of("method is a number", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":7}", "application/json", List.of(), 400, JsonRpc.INVALID_REQUEST),
                Arguments.of("params is an array", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":[]}", "application/json", List.of(), 400, JsonRpc.INVALID_REQUEST),
                Arguments.of("a JSON string", "\"ping\"", "application/json", List.of(), 400, JsonRpc.INVALID_REQUEST),
                Arguments.of("oversized body", big, "application/json", List.of(), 413, JsonRpc.INVALID_REQUEST),
                Arguments.of("wrong content type", "{}", "text/plain", List.of(), 415, JsonRpc.INVALID_REQUEST),
                Arguments.of("unknown session", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", "application/json",
                        List.of("Mcp-Session-Id", "no-such-session"), 404, JsonRpc.INVALID_REQUEST),
                Arguments.of("server/discover probe", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"server/discover\"}", "application/json",
                        List.of("MCP-Protocol-Version", "2026-07-28"), 400, JsonRpc.INVALID_REQUEST));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputGetsAClientErrorWithAJsonRpcError(String name, String body, String type, List<String> headers,
                                                   int status, int code) throws Exception {
        McpTestClient client = broker.client("/mcp", token);
        if (!headers.contains("Mcp-Session-Id")) {
            client.sessionId = session.sessionId;
        }
        HttpResponse<String> res = client.raw(body, type, headers.toArray(String[]::new));
        assertEquals(status, res.statusCode(), res.body());
        assertEquals(code, JsonRpc.parse(res.body()).asJsonObject().getJsonObject("error").getInt("code"), res.body());
    }

    @Test
    void sessionlessAndUnknownMethodsAreJsonRpcErrors() throws Exception {
        McpTestClient fresh = broker.client("/mcp", token);
        HttpResponse<String> noSession = fresh.post(JsonRpc.request(Json.createValue(1), "tools/list", null));
        assertEquals(400, noSession.statusCode());
        assertTrue(noSession.body().contains("Mcp-Session-Id"), noSession.body());
        JsonObject unknown = session.request("server/discover", null);
        assertEquals(JsonRpc.METHOD_NOT_FOUND, unknown.getJsonObject("error").getInt("code"));
        JsonObject badParams = session.request("tools/call", Json.createObjectBuilder().add("name", 5).build());
        assertEquals(JsonRpc.INVALID_PARAMS, badParams.getJsonObject("error").getInt("code"));
        assertEquals(406, send("GET", "/mcp", null, "Authorization", "Bearer " + token).statusCode());
        assertEquals(404, send("POST", "/mcp/nope", "{}", "Authorization", "Bearer " + token).statusCode());
        assertEquals(405, send("PUT", "/mcp", "{}", "Authorization", "Bearer " + token).statusCode());
    }

    @Test
    void deleteEndsTheSession() throws Exception {
        McpTestClient client = broker.client("/mcp", token);
        client.initialize();
        HttpResponse<String> deleted = McpTestClient.HTTP.send(HttpRequest.newBuilder(broker.url("/mcp"))
                .header("Authorization", "Bearer " + token).header("Mcp-Session-Id", client.sessionId).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, deleted.statusCode());
        assertEquals(404, client.post(JsonRpc.request(Json.createValue(9), "ping", null)).statusCode());
    }

    @Test
    void aGetStreamStaysOpenUntilTheSessionIsDeleted() throws Exception {
        McpTestClient client = broker.client("/mcp", token);
        client.initialize();
        HttpResponse<java.util.stream.Stream<String>> stream = McpTestClient.HTTP.send(HttpRequest.newBuilder(broker.url("/mcp"))
                .header("Authorization", "Bearer " + token).header("Mcp-Session-Id", client.sessionId)
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, stream.statusCode());
        assertTrue(stream.headers().firstValue("Content-Type").orElseThrow().startsWith("text/event-stream"));
        java.util.Iterator<String> lines = stream.body().iterator();
        assertEquals(": stream open", lines.next());
        McpTestClient.HTTP.send(HttpRequest.newBuilder(broker.url("/mcp")).header("Authorization", "Bearer " + token)
                .header("Mcp-Session-Id", client.sessionId).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        java.util.concurrent.CompletableFuture<Boolean> ended = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            while (lines.hasNext()) {
                lines.next();
            }
            return true;
        });
        assertTrue(ended.get(5, java.util.concurrent.TimeUnit.SECONDS), "DELETE ends the session's GET stream");
    }

    @Test
    void aSessionIsBoundToTheSubjectThatOpenedIt() throws Exception {
        McpTestClient mallory = broker.client("/mcp", broker.tokens.issue("mallory", broker.base() + "/mcp", "mcp:*"));
        mallory.sessionId = session.sessionId;
        assertEquals(404, mallory.post(JsonRpc.request(Json.createValue(1), "ping", null)).statusCode());
    }
}

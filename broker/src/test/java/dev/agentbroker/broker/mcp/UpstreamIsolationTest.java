package dev.agentbroker.broker.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.agentbroker.mcp.jsonrpc.JsonRpc;

/**
 * Faults and isolation: a stdio upstream (a recording node script) killed mid-call and
 * restarted, cancellation reaching it, its clean environment, and an HTTP upstream that
 * receives the broker's configured credential and never the agent's token; plus the
 * approval workflow of a require-approval server over the admin API.
 */
class UpstreamIsolationTest {
    @TempDir
    static Path dataDir;
    static Path record;
    static RecordingHttpUpstream http;
    static McpHarness broker;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        record = dataDir.resolve("received.jsonl");
        Files.createFile(record);
        http = new RecordingHttpUpstream();
        broker = new McpHarness("""
                mcp:
                  connect-timeout: 15s
                  servers:
                    rec:
                      stdio:
                        command: %s
                        args: [%s]
                        env:
                          RECORD_FILE: %s
                          UPSTREAM_SECRET: env:TEST_UPSTREAM_SECRET
                    notes:
                      trust: require-approval
                      streamable-http:
                        url: %s
                        headers:
                          Authorization: env:TEST_UPSTREAM_AUTH
                """.formatted(NodeUpstreams.node(), NodeUpstreams.recordingScript(), record, http.url()), dataDir,
                Map.of("TEST_UPSTREAM_SECRET", "s3cret", "TEST_UPSTREAM_AUTH", "Bearer broker-own-credential"));
        token = broker.token("mcp:*");
    }

    @AfterAll
    static void stop() {
        broker.close();
        http.close();
    }

    private static McpTestClient session() throws Exception {
        McpTestClient client = broker.client("/mcp", token);
        client.initialize();
        return client;
    }

    private static JsonObject call(String name, JsonObject arguments) {
        return Json.createObjectBuilder().add("name", name).add("arguments", arguments).build();
    }

    private static JsonObject seconds(int n) {
        return Json.createObjectBuilder().add("seconds", n).build();
    }

    private static boolean recorded(String method) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (Files.readString(record).contains("\"method\":\"" + method + "\"")) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    @Test
    void theStdioChildGetsOnlyItsConfiguredVariables() throws Exception {
        String env = McpTestClient.text(session().request("tools/call", call("rec__env", JsonValue.EMPTY_JSON_OBJECT)));
        assertEquals("[\"RECORD_FILE\",\"UPSTREAM_SECRET\"]", env);
    }

    @Test
    void cancellationReachesTheUpstream() throws Exception {
        McpTestClient client = session();
        CompletableFuture<JsonObject> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return client.stream("tools/call", call("rec__slow", seconds(30)), m -> null, true);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(recorded("tools/call"));
        Thread.sleep(200);
        int clientRequestId = 2;
        client.post(JsonRpc.notification("notifications/cancelled", Json.createObjectBuilder()
                .add("requestId", clientRequestId).add("reason", "user pressed stop").build()));
        assertTrue(recorded("notifications/cancelled"), "the upstream received the cancellation");
        assertTrue(Files.readString(record).contains("user pressed stop"));
        JsonObject answer = slow.get(10, TimeUnit.SECONDS);
        assertTrue(answer.containsKey("error"), answer.toString());
    }

    @Test
    void aKilledStdioUpstreamFailsTheCallClearlyAndIsRestarted() throws Exception {
        McpTestClient client = session();
        long pid = Long.parseLong(McpTestClient.text(client.request("tools/call", call("rec__pid", JsonValue.EMPTY_JSON_OBJECT))));
        CompletableFuture<JsonObject> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return client.stream("tools/call", call("rec__slow", seconds(30)), m -> null, true);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(500);
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        JsonObject failed = slow.get(10, TimeUnit.SECONDS);
        String message = failed.getJsonObject("error").getString("message");
        assertTrue(message.contains("rec") && message.contains("exited"), message);

        JsonObject again = client.request("tools/call", call("rec__pid", JsonValue.EMPTY_JSON_OBJECT));
        assertTrue(again.containsKey("result"), again.toString());
        assertNotEquals(pid, Long.parseLong(McpTestClient.text(again)), "a new child answers");
    }

    @Test
    void anHttpUpstreamSeesTheBrokersCredentialNeverTheAgentsToken() throws Exception {
        McpTestClient client = session();
        client.request("tools/list", JsonValue.EMPTY_JSON_OBJECT);
        assertFalse(http.requests.isEmpty());
        for (Map<String, List<String>> headers : http.requests) {
            assertEquals(List.of("Bearer broker-own-credential"), headers.get("Authorization"));
            assertFalse(headers.toString().contains(token), "the agent's token reached the upstream: " + headers);
        }
    }

    @Test
    void aRequireApprovalServerShowsItsToolsOnlyAfterAnAdminApprovesThem() throws Exception {
        McpTestClient client = session();
        List<String> before = McpTestClient.names(client.request("tools/list", JsonValue.EMPTY_JSON_OBJECT), "tools", "name");
        assertFalse(before.contains("notes__put_note"), before.toString());
        JsonObject denied = client.request("tools/call", call("notes__put_note", Json.createObjectBuilder().add("key", "k").add("text", "x").build()));
        assertEquals(JsonValue.TRUE, denied.getJsonObject("result").get("isError"));
        assertTrue(McpTestClient.text(denied).contains("quarantined (new-requires-approval)"), denied.toString());
        assertFalse(broker.audit.ofType("tool.quarantined").isEmpty());

        String agent = token;
        String admin = broker.tokens.issue("ops", broker.base() + "/admin", "admin");
        assertEquals(403, admin("GET", "/admin/mcp/tools/pending", broker.tokens.issue("ops", broker.base() + "/admin", "mcp:*")).statusCode());
        assertEquals(401, admin("GET", "/admin/mcp/tools/pending", agent).statusCode(), "an /mcp token is not an admin token");
        HttpResponse<String> pending = admin("GET", "/admin/mcp/tools/pending", admin);
        assertEquals(200, pending.statusCode());
        assertTrue(pending.body().contains("\"tool\":\"put_note\""), pending.body());

        HttpResponse<String> approved = admin("POST", "/admin/mcp/servers/notes/tools/put_note/approve", admin);
        assertEquals(200, approved.statusCode(), approved.body());
        assertEquals(404, admin("POST", "/admin/mcp/servers/notes/tools/put_note/approve", admin).statusCode());
        assertFalse(broker.audit.ofType("tool.approved").isEmpty());
        List<String> after = McpTestClient.names(client.request("tools/list", JsonValue.EMPTY_JSON_OBJECT), "tools", "name");
        assertTrue(after.contains("notes__put_note"), after.toString());
        JsonObject ok = client.request("tools/call", call("notes__put_note", Json.createObjectBuilder().add("key", "k").add("text", "x").build()));
        assertTrue(McpTestClient.text(ok).startsWith("saved note"), ok.toString());
    }

    private static HttpResponse<String> admin(String method, String path, String bearer) throws Exception {
        return McpTestClient.HTTP.send(HttpRequest.newBuilder(broker.url(path)).header("Authorization", "Bearer " + bearer)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}

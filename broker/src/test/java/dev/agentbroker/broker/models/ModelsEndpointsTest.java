package dev.agentbroker.broker.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.agentbroker.broker.audit.AuditEvent;

/** The model endpoints over a real socket, served by the scripted sandbox model. */
class ModelsEndpointsTest {
    static final String CONFIG = """
            providers:
              sandbox:
                kind: sandbox
            models:
              budgets:
                task:
                  tokens: 300
              aliases:
                sandbox:
                  deployments:
                    - provider: sandbox
                      model: write-file
                sandbox-large:
                  deployments:
                    - provider: sandbox
                      model: echo
            """;
    static final String CHAT = "{\"model\":\"sandbox\",\"messages\":[{\"role\":\"user\",\"content\":\"write a note\"}]}";
    static final String MESSAGES = "{\"model\":\"sandbox\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"write a note\"}]}";

    private ModelsHarness broker;

    @BeforeEach
    void start() {
        broker = new ModelsHarness(CONFIG, Map.of());
    }

    @AfterEach
    void stop() {
        broker.close();
    }

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void chatCompletionAsksForTheScriptedToolCallThenAnswersWithItsResult() throws Exception {
        String token = broker.tokens.issue("t1", "model:sandbox");
        HttpResponse<String> first = broker.post("/v1/chat/completions", token, CHAT);
        assertEquals(200, first.statusCode(), first.body());
        JsonObject message = json(first.body()).getJsonArray("choices").getJsonObject(0).getJsonObject("message");
        JsonObject call = message.getJsonArray("tool_calls").getJsonObject(0);
        assertEquals("fs__write_file", call.getJsonObject("function").getString("name"));
        assertEquals("tool_calls", json(first.body()).getJsonArray("choices").getJsonObject(0).getString("finish_reason"));

        String second = "{\"model\":\"sandbox\",\"messages\":[{\"role\":\"user\",\"content\":\"write a note\"},"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[" + call + "]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"" + call.getString("id") + "\",\"content\":\"wrote 29 bytes\"}]}";
        HttpResponse<String> answer = broker.post("/v1/chat/completions", token, second);
        assertEquals("Done: the file tool answered \"wrote 29 bytes\".",
                json(answer.body()).getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content"));
    }

    @Test
    void modelCallIsAuditedWithUsageAndTheToolCallsItAskedFor() throws Exception {
        String token = broker.tokens.issue("t2", "model:*");
        broker.post("/v1/chat/completions", token, CHAT);
        AuditEvent event = broker.audit.events().getFirst();
        assertEquals("model.call", event.type());
        assertEquals("t2", event.taskId());
        assertEquals("jti-" + token, event.tokenId());
        assertEquals("alice", event.user());
        assertEquals("ok", event.outcome());
        assertEquals("sandbox", event.attributes().get("provider"));
        assertEquals("sandbox/write-file", event.attributes().get("deployment"));
        assertTrue((Long) event.attributes().get("input_tokens") > 0);
        String calls = (String) event.attributes().get("tool_calls");
        assertTrue(calls.contains("\"name\":\"fs__write_file\"") && calls.contains("\"argument_digest\":\"sha256:"), calls);
        assertTrue(calls.contains("call_sandbox_0_0"), calls);
    }

    @Test
    void streamedChatRelaysChunksAndTheUsageChunk() throws Exception {
        String token = broker.tokens.issue("t3", "model:sandbox-large");
        HttpResponse<String> r = broker.post("/v1/chat/completions", token,
                "{\"model\":\"sandbox-large\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"ping pong\"}]}");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElseThrow().startsWith("text/event-stream"));
        List<String> data = r.body().lines().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).toList();
        assertEquals("[DONE]", data.getLast());
        JsonObject usageChunk = json(data.get(data.size() - 2));
        assertTrue(usageChunk.getJsonArray("choices").isEmpty());
        assertTrue(usageChunk.getJsonObject("usage").getInt("prompt_tokens") > 0);
        StringBuilder text = new StringBuilder();
        data.stream().filter(d -> d.contains("\"content\"")).forEach(d -> text.append(
                json(d).getJsonArray("choices").getJsonObject(0).getJsonObject("delta").getString("content")));
        assertEquals("You said: ping pong", text.toString());
        assertEquals(Boolean.TRUE, broker.audit.awaitEvents(1).getFirst().attributes().get("stream"));
    }

    @Test
    void anthropicMessagesAcceptsXApiKeyAndAnyVersion() throws Exception {
        String token = broker.tokens.issue("t4", "model:sandbox");
        HttpResponse<String> r = broker.post("/v1/messages", null, MESSAGES, "x-api-key", token,
                "anthropic-version", "2099-01-01");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject body = json(r.body());
        assertEquals("tool_use", body.getString("stop_reason"));
        assertEquals("fs__write_file", body.getJsonArray("content").getJsonObject(1).getString("name"));
    }

    @Test
    void embeddingsAreDeterministic() throws Exception {
        String token = broker.tokens.issue("t5", "model:*");
        String req = "{\"model\":\"sandbox\",\"input\":[\"hello\",\"world\"]}";
        HttpResponse<String> a = broker.post("/v1/embeddings", token, req);
        HttpResponse<String> b = broker.post("/v1/embeddings", token, req);
        assertEquals(200, a.statusCode(), a.body());
        assertEquals(json(a.body()).getJsonArray("data"), json(b.body()).getJsonArray("data"));
        assertEquals(2, json(a.body()).getJsonArray("data").size());
    }

    @Test
    void modelListShowsOnlyWhatTheTokenAllows() throws Exception {
        HttpResponse<String> narrow = broker.get("/v1/models", broker.tokens.issue("t6", "model:sandbox-large"));
        assertEquals(List.of("sandbox-large"), json(narrow.body()).getJsonArray("data").stream()
                .map(v -> v.asJsonObject().getString("id")).toList());
        HttpResponse<String> all = broker.get("/v1/models", broker.tokens.issue("t7", "model:*"), "anthropic-version", "2023-06-01");
        JsonObject body = json(all.body());
        assertEquals(2, body.getJsonArray("data").size());
        assertEquals("model", body.getJsonArray("data").getJsonObject(0).getString("type"));
        assertEquals(404, broker.get("/v1/models/sandbox", broker.tokens.issue("t8", "model:sandbox-large")).statusCode());
    }

    static Stream<Arguments> callerFaults() {
        return Stream.of(
                Arguments.of("/v1/chat/completions", "{\"model\":", 400, "invalid_request_error"),
                Arguments.of("/v1/chat/completions", "[1,2]", 400, "invalid_request_error"),
                Arguments.of("/v1/chat/completions", "{\"model\":\"nope\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", 404, "invalid_request_error"),
                Arguments.of("/v1/chat/completions", CHAT.replace("\"sandbox\"", "\"sandbox-large\""), 403, "permission_error"),
                Arguments.of("/v1/chat/completions", "{\"model\":\"sandbox\",\"messages\":[]}", 400, "invalid_request_error"),
                Arguments.of("/v1/messages", "{\"model\":", 400, "invalid_request_error"),
                Arguments.of("/v1/messages", MESSAGES.replace("\"sandbox\"", "\"nope\""), 404, "not_found_error"),
                Arguments.of("/v1/messages", MESSAGES.replace("\"sandbox\"", "\"sandbox-large\""), 403, "permission_error"),
                Arguments.of("/v1/messages", MESSAGES.replace("\"max_tokens\":100,", ""), 400, "invalid_request_error"));
    }

    @ParameterizedTest
    @MethodSource("callerFaults")
    void callerFaultsGetAClientFormat4xx(String path, String body, int status, String type) throws Exception {
        HttpResponse<String> r = broker.post(path, broker.tokens.issue("t9", "model:sandbox"), body);
        assertEquals(status, r.statusCode(), r.body());
        JsonObject json = json(r.body());
        if (path.equals("/v1/messages")) {
            assertEquals("error", json.getString("type"));
            assertEquals(type, json.getJsonObject("error").getString("type"));
        } else {
            assertEquals(type, json.getJsonObject("error").getString("type"));
            assertFalse(json.getJsonObject("error").getString("message").isBlank());
        }
        assertFalse(r.body().contains("Exception"), r.body());
    }

    @Test
    void missingOrBadTokenGets401InTheClientsFormat() throws Exception {
        HttpResponse<String> none = broker.post("/v1/chat/completions", null, CHAT);
        assertEquals(401, none.statusCode());
        assertTrue(none.headers().firstValue("www-authenticate").orElseThrow().startsWith("Bearer"));
        assertNotNull(json(none.body()).getJsonObject("error"));
        HttpResponse<String> bad = broker.post("/v1/messages", "forged", MESSAGES);
        assertEquals(401, bad.statusCode());
        assertEquals("authentication_error", json(bad.body()).getJsonObject("error").getString("type"));
    }

    @Test
    void exhaustedTaskBudgetIsRefusedWith429AndAudited() throws Exception {
        String token = broker.tokens.issue("budget-task", "model:*");
        int ok = 0;
        HttpResponse<String> r = null;
        for (int i = 0; i < 30; i++) {
            r = broker.post("/v1/chat/completions", token, CHAT);
            if (r.statusCode() != 200) {
                break;
            }
            ok++;
        }
        assertEquals(429, r.statusCode(), r.body());
        assertTrue(ok >= 1, "calls before the budget ran out: " + ok);
        assertEquals("false", r.headers().firstValue("x-should-retry").orElseThrow());
        JsonObject error = json(r.body()).getJsonObject("error");
        assertEquals("budget_exhausted", error.getString("code"));
        assertTrue(error.getString("message").contains("task budget"), error.getString("message"));
        long spent = broker.audit.events().stream().filter(e -> "ok".equals(e.outcome()))
                .mapToLong(e -> (Long) e.attributes().get("input_tokens") + (Long) e.attributes().get("output_tokens")).sum();
        assertTrue(spent >= 300, "spent " + spent);
        assertEquals("denied", broker.audit.events().getLast().outcome());
        assertEquals("deny", broker.audit.events().getLast().decision());
        HttpResponse<String> anthropic = broker.post("/v1/messages", token, MESSAGES);
        assertEquals(429, anthropic.statusCode());
        assertEquals("rate_limit_error", json(anthropic.body()).getJsonObject("error").getString("type"));
        assertEquals(200, broker.post("/v1/chat/completions", broker.tokens.issue("other-task", "model:*"), CHAT).statusCode());
    }

    @Test
    void auditOutageFailsJsonCallsClosedWith503() throws Exception {
        broker.audit.broken.set(true);
        HttpResponse<String> r = broker.post("/v1/chat/completions", broker.tokens.issue("t10", "model:*"), CHAT);
        assertEquals(503, r.statusCode(), r.body());
        assertFalse(r.body().contains("fs__write_file"));
    }
}

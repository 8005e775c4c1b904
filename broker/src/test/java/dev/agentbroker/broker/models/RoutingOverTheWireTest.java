package dev.agentbroker.broker.models;

import static dev.agentbroker.broker.models.ModelsEndpointsTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.agentbroker.broker.audit.AuditEvent;
import dev.agentbroker.broker.models.FakeProvider.Reply;

/** Routing, fallback, breaker, streaming and translation against real local provider servers. */
class RoutingOverTheWireTest {
    static final String PRIMARY_KEY = "sk-primary-7f3a9c1e5b2d4f6a8c0e";
    static final String SECONDARY_KEY = "sk-secondary-1a2b3c4d5e6f7a8b9c0d";
    static final String CLAUDE_KEY = "sk-ant-claude-9z8y7x6w5v4u3t2s1r";
    static final String AZURE_KEY = "azure-5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b";
    static final String CHAT = "{\"model\":\"gpt\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private FakeProvider primary;
    private FakeProvider secondary;
    private FakeProvider claude;
    private FakeProvider azure;
    private ModelsHarness broker;
    private String token;
    private final List<String> bodies = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        primary = FakeProvider.start();
        secondary = FakeProvider.start();
        claude = FakeProvider.start();
        azure = FakeProvider.start();
        secondary.byDefault(Reply.json(Replies.openAiChat("from secondary", 5, 3)));
        String yaml = """
                providers:
                  primary: {kind: openai, base-url: %s/v1, api-key: env:PRIMARY_KEY}
                  secondary: {kind: openai-compatible, base-url: %s/v1, api-key: env:SECONDARY_KEY}
                  claude: {kind: anthropic, base-url: %s, api-key: env:CLAUDE_KEY}
                  azure: {kind: azure-openai, base-url: %s, api-key: env:AZURE_KEY, api-version: "2024-10-21"}
                models:
                  retry: {max-attempts: 3, initial-backoff: 10ms, max-backoff: 200ms}
                  breaker: {failure-threshold: 2, open-for: 400ms}
                  aliases:
                    gpt:
                      deployments:
                        - {provider: primary, model: gpt-4o, first-byte-timeout: 400ms}
                        - {provider: secondary, model: llama-3}
                    claude:
                      deployments:
                        - {provider: claude, model: claude-sonnet}
                    azure:
                      deployments:
                        - {provider: azure, model: my-deployment}
                """.formatted(primary.baseUrl(), secondary.baseUrl(), claude.baseUrl(), azure.baseUrl());
        broker = new ModelsHarness(yaml, Map.of("PRIMARY_KEY", PRIMARY_KEY, "SECONDARY_KEY", SECONDARY_KEY,
                "CLAUDE_KEY", CLAUDE_KEY, "AZURE_KEY", AZURE_KEY));
        token = broker.tokens.issue("routing", "model:*");
    }

    @AfterEach
    void stop() {
        assertNoKeyLeaked();
        broker.close();
        primary.close();
        secondary.close();
        claude.close();
        azure.close();
    }

    private HttpResponse<String> chat(String body) throws Exception {
        HttpResponse<String> r = broker.post("/v1/chat/completions", token, body);
        bodies.add(r.body());
        r.headers().map().forEach((k, v) -> bodies.add(k + ": " + v));
        return r;
    }

    private void assertNoKeyLeaked() {
        String everything = String.join("\n", bodies) + broker.logs() + broker.audit.events();
        for (String key : List.of(PRIMARY_KEY, SECONDARY_KEY, CLAUDE_KEY, AZURE_KEY)) {
            assertFalse(everything.contains(key), "a provider key leaked");
            assertFalse(everything.contains(key.substring(0, 12)), "part of a provider key leaked");
        }
    }

    @Test
    void primaryAnswering500FallsBackToSecondary() throws Exception {
        primary.enqueue(Reply.status(500, "{\"error\":{\"message\":\"boom\"}}"));
        HttpResponse<String> r = chat(CHAT);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("from secondary"));
        AuditEvent event = broker.audit.events().getLast();
        assertEquals("secondary/llama-3", event.attributes().get("deployment"));
        assertEquals(2, event.attributes().get("attempts"));
        assertEquals(1, primary.requests().size());
        assertTrue(secondary.requests().getFirst().body().contains("\"model\":\"llama-3\""));
    }

    @Test
    void primaryAnswering429IsNotRetriedBeforeRetryAfter() throws Exception {
        primary.enqueue(Reply.status(429, "{\"error\":{\"message\":\"slow down\"}}").withHeader("Retry-After", "30"));
        primary.byDefault(Reply.json(Replies.openAiChat("from primary", 5, 3)));
        assertTrue(chat(CHAT).body().contains("from secondary"));
        assertTrue(chat(CHAT).body().contains("from secondary"));
        assertEquals(1, primary.requests().size(), "primary must rest for its Retry-After");
    }

    @Test
    void hangingPrimaryTimesOutAtFirstByteAndSecondaryServes() throws Exception {
        primary.enqueue(Reply.hang(3_000));
        long start = System.nanoTime();
        HttpResponse<String> r = chat(CHAT);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("from secondary"));
        assertTrue(millis < 2_500, "took " + millis + " ms");
    }

    @Test
    void breakerOpensAfterFailuresAndClosesAfterASuccessfulProbe() throws Exception {
        primary.byDefault(Reply.status(503, "{}"));
        chat(CHAT);
        chat(CHAT);
        assertEquals(2, primary.requests().size());
        chat(CHAT);
        assertEquals(2, primary.requests().size(), "open breaker must skip the primary");
        Thread.sleep(500);
        primary.byDefault(Reply.json(Replies.openAiChat("from primary", 5, 3)));
        assertTrue(chat(CHAT).body().contains("from primary"), "half-open probe goes to the primary");
        assertTrue(chat(CHAT).body().contains("from primary"), "closed again after the probe");
        assertEquals(4, primary.requests().size());
    }

    @Test
    void allDeploymentsFailingGivesA5xxInTheClientsFormat() throws Exception {
        primary.byDefault(Reply.status(500, "{}"));
        secondary.byDefault(Reply.status(502, "{}"));
        HttpResponse<String> r = chat(CHAT);
        assertEquals(502, r.statusCode(), r.body());
        assertEquals("api_error", json(r.body()).getJsonObject("error").getString("type"));
    }

    @Test
    void providerKeysGoOnlyUpstreamAndTheAgentTokenNever() throws Exception {
        primary.byDefault(Reply.json(Replies.openAiChat("ok", 1, 1)));
        azure.byDefault(Reply.json(Replies.openAiChat("ok", 1, 1)));
        claude.byDefault(Reply.json(Replies.anthropicMessage("ok", 1, 1)));
        chat(CHAT);
        chat(CHAT.replace("\"gpt\"", "\"azure\""));
        chat(CHAT.replace("\"gpt\"", "\"claude\""));
        FakeProvider.Recorded p = primary.requests().getFirst();
        assertEquals("/v1/chat/completions", p.path());
        assertEquals("Bearer " + PRIMARY_KEY, p.header("Authorization"));
        FakeProvider.Recorded a = azure.requests().getFirst();
        assertEquals("/openai/deployments/my-deployment/chat/completions?api-version=2024-10-21", a.path());
        assertEquals(AZURE_KEY, a.header("api-key"));
        assertNull(a.header("Authorization"));
        FakeProvider.Recorded c = claude.requests().getFirst();
        assertEquals("/v1/messages", c.path());
        assertEquals(CLAUDE_KEY, c.header("x-api-key"));
        assertEquals("2023-06-01", c.header("anthropic-version"));
        for (FakeProvider.Recorded r : List.of(p, a, c)) {
            assertFalse(r.headers().toString().contains(token) || r.body().contains(token), "agent token passed through");
        }
    }

    @Test
    void chatClientOnAnthropicModelGetsToolCallsTranslated() throws Exception {
        claude.enqueue(Reply.json(Replies.anthropicToolUse("toolu_01", "fs__write_file", "{\"path\":\"/a\",\"content\":\"b\"}", 11, 7)));
        String body = "{\"model\":\"claude\",\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},"
                + "{\"role\":\"user\",\"content\":\"write\"}],\"tools\":[{\"type\":\"function\",\"function\":"
                + "{\"name\":\"fs__write_file\",\"parameters\":{\"type\":\"object\"}}}]}";
        HttpResponse<String> r = chat(body);
        assertEquals(200, r.statusCode(), r.body());
        JsonObject choice = json(r.body()).getJsonArray("choices").getJsonObject(0);
        assertEquals("tool_calls", choice.getString("finish_reason"));
        JsonObject fn = choice.getJsonObject("message").getJsonArray("tool_calls").getJsonObject(0).getJsonObject("function");
        assertEquals("fs__write_file", fn.getString("name"));
        assertEquals("{\"path\":\"/a\",\"content\":\"b\"}", fn.getString("arguments"));
        assertEquals(18, json(r.body()).getJsonObject("usage").getInt("total_tokens"));
        JsonObject upstream = json(claude.requests().getFirst().body());
        assertEquals("be brief", upstream.getString("system"));
        assertEquals("claude-sonnet", upstream.getString("model"));
        assertEquals("fs__write_file", upstream.getJsonArray("tools").getJsonObject(0).getString("name"));
    }

    @Test
    void chatClientOnAnthropicModelStreamsTranslatedChunksWithUsage() throws Exception {
        claude.enqueue(Reply.sse(5, Replies.anthropicStream(List.of("Hel", "lo"), "toolu_02", "fs__write_file",
                List.of("{\"path\":", "\"/x\"}"), 20, 9)));
        HttpResponse<String> r = chat("{\"model\":\"claude\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        List<String> data = r.body().lines().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).toList();
        assertEquals("[DONE]", data.getLast());
        assertEquals(29, json(data.get(data.size() - 2)).getJsonObject("usage").getInt("total_tokens"));
        StringBuilder args = new StringBuilder();
        StringBuilder text = new StringBuilder();
        for (String d : data.subList(0, data.size() - 2)) {
            JsonObject delta = json(d).getJsonArray("choices").getJsonObject(0).getJsonObject("delta");
            if (delta.containsKey("content")) {
                text.append(delta.getString("content"));
            }
            if (delta.containsKey("tool_calls")) {
                args.append(delta.getJsonArray("tool_calls").getJsonObject(0).getJsonObject("function").getString("arguments"));
            }
        }
        assertEquals("Hello", text.toString());
        assertEquals("{\"path\":\"/x\"}", args.toString());
        AuditEvent event = broker.audit.awaitEvents(1).getLast();
        assertEquals(20L, event.attributes().get("input_tokens"));
        assertTrue(((String) event.attributes().get("tool_calls")).contains("toolu_02"));
    }

    @Test
    void streamedChunksArriveSeparately() throws Exception {
        primary.enqueue(Reply.sse(150, Replies.openAiStream(List.of("a", "b", "c", "d"), 3, 4)));
        HttpRequest request = HttpRequest.newBuilder(broker.base().resolve("/v1/chat/completions"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(CHAT.replace("\"gpt\",", "\"gpt\",\"stream\":true,"))).build();
        HttpResponse<InputStream> r = broker.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        List<Long> arrivals = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("data: ")) {
                    arrivals.add(System.nanoTime() / 1_000_000);
                }
            }
        }
        assertEquals(8, arrivals.size());
        // Chunks leave the provider 150 ms apart. Coalesced chunks arrive together (gap ~0 ms);
        // the bounds leave room for a loaded machine delaying one read and not the next.
        for (int i = 1; i < 6; i++) {
            long gap = arrivals.get(i) - arrivals.get(i - 1);
            assertTrue(gap >= 30, "chunk " + i + " arrived " + gap + " ms after the previous one: coalesced");
        }
        long spread = arrivals.get(5) - arrivals.get(0);
        assertTrue(spread >= 500, "chunks 0..5 arrived within " + spread + " ms instead of about 750 ms: coalesced");
    }

    @Test
    void droppedStreamEndsWithAnErrorEventAndIsNotRetried() throws Exception {
        primary.enqueue(Reply.sse(20, Replies.openAiStream(List.of("a", "b", "c"), 3, 4)).droppingAfter(2));
        HttpResponse<String> r = chat(CHAT.replace("\"gpt\",", "\"gpt\",\"stream\":true,"));
        assertEquals(200, r.statusCode());
        List<String> data = r.body().lines().filter(l -> l.startsWith("data: ")).toList();
        assertEquals(3, data.size(), r.body());
        assertTrue(data.getLast().contains("\"error\""), r.body());
        assertEquals(0, secondary.requests().size());
        assertEquals("error", broker.audit.awaitEvents(1).getLast().outcome());
    }

    @Test
    void clientDisconnectCancelsTheUpstreamStream() throws Exception {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add("x" + i);
        }
        primary.enqueue(Reply.sse(100, Replies.openAiStream(many, 3, 4)));
        HttpRequest request = HttpRequest.newBuilder(broker.base().resolve("/v1/chat/completions"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(CHAT.replace("\"gpt\",", "\"gpt\",\"stream\":true,"))).build();
        HttpResponse<InputStream> r = broker.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        InputStream body = r.body();
        assertTrue(body.read(new byte[10]) > 0);
        body.close();
        for (int i = 0; i < 60 && primary.aborted.get() == 0; i++) {
            Thread.sleep(50);
        }
        assertEquals(1, primary.aborted.get(), "the provider's stream was not cancelled");
        assertEquals("client_closed", broker.audit.awaitEvents(1).getLast().outcome());
    }

    @Test
    void responsesApiIsRelayedToProvidersThatHaveItWithToolCallsRecorded() throws Exception {
        primary.enqueue(Reply.json("{\"id\":\"resp_1\",\"object\":\"response\",\"status\":\"completed\",\"output\":["
                + "{\"type\":\"function_call\",\"id\":\"fc_1\",\"call_id\":\"call_r1\",\"name\":\"fs__read_file\","
                + "\"arguments\":\"{\\\"path\\\":\\\"/a\\\"}\"}],\"usage\":{\"input_tokens\":9,\"output_tokens\":4,\"total_tokens\":13}}"));
        HttpResponse<String> r = broker.post("/v1/responses", token, "{\"model\":\"gpt\",\"input\":\"read /a\"}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("resp_1", json(r.body()).getString("id"));
        assertEquals("/v1/responses", primary.requests().getFirst().path());
        AuditEvent event = broker.audit.events().getLast();
        assertEquals(9L, event.attributes().get("input_tokens"));
        assertTrue(((String) event.attributes().get("tool_calls")).contains("call_r1"));
        HttpResponse<String> unsupported = broker.post("/v1/responses", token, "{\"model\":\"claude\",\"input\":\"x\"}");
        assertEquals(400, unsupported.statusCode(), unsupported.body());
        assertEquals(0, claude.requests().size());
    }

    @Test
    void providerRejectingTheRequestIsTheCallersFaultWithKeysMasked() throws Exception {
        primary.enqueue(Reply.status(400, "{\"error\":{\"message\":\"max_tokens too large for key sk-abcdef1234567890\"}}"));
        HttpResponse<String> r = chat(CHAT);
        assertEquals(400, r.statusCode(), r.body());
        String message = json(r.body()).getJsonObject("error").getString("message");
        assertTrue(message.startsWith("the provider rejected the request: max_tokens too large"), message);
        assertFalse(message.contains("sk-abcdef"), message);
        assertEquals(0, secondary.requests().size(), "a caller fault is not retried elsewhere");
    }
}

package dev.agentbroker.broker.models;

import static dev.agentbroker.broker.models.ModelsEndpointsTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.agentbroker.broker.models.FakeProvider.Reply;

/**
 * The official npm {@code openai} and {@code @anthropic-ai/sdk} clients (1.x with a bearer
 * token, 0.x with {@code x-api-key}), unmodified, pointed at the broker with only a base URL
 * and a task token: plain, streaming with usage, tool calls, errors. The packages are
 * installed from npm into target/npm on first run.
 */
class NodeSdkClientsTest {
    static final Path NPM = Path.of("target", "npm").toAbsolutePath();
    static final String CLAUDE_KEY = "sk-ant-node-test-4d5e6f7a8b9c0d1e";

    static FakeProvider claude;
    static ModelsHarness broker;
    static JsonObject results;
    static String token;

    @BeforeAll
    static void runClients() throws Exception {
        installPackages();
        claude = FakeProvider.start();
        claude.byDefault(Reply.sse(30, Replies.anthropicStream(List.of("Bonjour", " from", " Claude"), null, null, List.of(), 12, 5)));
        broker = new ModelsHarness("""
                providers:
                  sandbox: {kind: sandbox}
                  claude: {kind: anthropic, base-url: %s, api-key: env:CLAUDE_KEY}
                models:
                  aliases:
                    sandbox: {deployments: [{provider: sandbox, model: write-file}]}
                    sandbox-large: {deployments: [{provider: sandbox, model: echo}]}
                    claude: {deployments: [{provider: claude, model: claude-sonnet}]}
                    forbidden-model: {deployments: [{provider: sandbox, model: echo}]}
                """.formatted(claude.baseUrl()), Map.of("CLAUDE_KEY", CLAUDE_KEY));
        token = broker.tokens.issue("node", "model:sandbox", "model:sandbox-large", "model:claude");
        results = json(run("node", script(), broker.base().toString(), token));
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
        if (claude != null) {
            claude.close();
        }
    }

    @Test
    void openAiClientGetsAPlainAnswer() {
        JsonObject r = results.getJsonObject("openaiPlain");
        assertEquals("You said: hello there", r.getString("text"), r.toString());
        assertTrue(r.getInt("usage") > 0);
    }

    @Test
    void openAiClientStreamsChunksSeparatelyWithUsage() {
        JsonObject r = results.getJsonObject("openaiStream");
        assertEquals("You said: stream me please", r.getString("text"), r.toString());
        assertTrue(r.getInt("chunks") >= 4, r.toString());
        assertTrue(r.getInt("usage") > 0, r.toString());
        assertTrue(r.getInt("spreadMs") >= 10, "chunks were coalesced: " + r);
    }

    @Test
    void openAiClientRunsAToolCallRoundTrip() {
        JsonObject r = results.getJsonObject("openaiTools");
        assertEquals("fs__write_file", r.getString("tool"), r.toString());
        assertEquals("/sandbox/note.txt", r.getJsonObject("args").getString("path"));
        assertEquals("tool_calls", r.getString("finish"));
        assertEquals("Done: the file tool answered \"ok, 29 bytes\".", r.getString("answer"));
        JsonObject streamed = results.getJsonObject("openaiStreamTools");
        assertEquals("fs__write_file", streamed.getString("tool"), streamed.toString());
        assertEquals("Hello from the sandbox model.", streamed.getJsonObject("args").getString("content"));
    }

    @Test
    void openAiClientStreamsFromAnAnthropicBackedModel() {
        JsonObject r = results.getJsonObject("openaiOnAnthropicStream");
        assertEquals("Bonjour from Claude", r.getString("text"), r.toString());
        assertEquals(17, r.getInt("usage"));
    }

    @Test
    void openAiClientSeesUnknownModelAs404AndListsOnlyAllowedModels() {
        assertEquals("404", results.getJsonObject("openaiUnknownModel").getString("error"), results.toString());
        assertEquals(List.of("claude", "sandbox", "sandbox-large"), results.getJsonObject("openaiModels").getJsonArray("ids")
                .getValuesAs(jakarta.json.JsonString::getString));
    }

    @Test
    void anthropicClientGetsPlainStreamedAndToolAnswers() {
        assertEquals("You said: hi claude", results.getJsonObject("anthropicPlain").getString("text"), results.toString());
        JsonObject stream = results.getJsonObject("anthropicStream");
        assertEquals("You said: stream claude", stream.getString("text"), stream.toString());
        assertTrue(stream.getInt("deltas") >= 2);
        JsonObject tools = results.getJsonObject("anthropicTools");
        assertEquals("fs__write_file", tools.getString("tool"), tools.toString());
        assertEquals("tool_use", tools.getString("stop"));
        assertEquals("Done: the file tool answered \"written\".", tools.getString("answer"));
        assertEquals("/sandbox/note.txt", results.getJsonObject("anthropicStreamTools").getJsonObject("input").getString("path"));
    }

    @Test
    void legacyAnthropicClientWithXApiKeyWorks() {
        assertEquals("You said: legacy hello", results.getJsonObject("legacyApiKey").getString("text"), results.toString());
    }

    @Test
    void anthropicClientSeesAModelTheTokenMayNotUseAs403() {
        assertEquals("403", results.getJsonObject("anthropicForbidden").getString("error"), results.toString());
    }

    @Test
    void noProviderKeyInResponsesLogsOrAudit() {
        String everything = results.toString() + broker.logs() + broker.audit.events();
        assertFalse(everything.contains(CLAUDE_KEY));
        assertTrue(claude.requests().stream().allMatch(r -> CLAUDE_KEY.equals(r.header("x-api-key"))));
        assertTrue(claude.requests().stream().noneMatch(r -> r.headers().toString().contains(token)));
    }

    private static void installPackages() throws Exception {
        if (Files.exists(NPM.resolve("node_modules/anthropic-legacy/package.json"))) {
            return;
        }
        Files.createDirectories(NPM);
        run("npm", "install", "--prefix", NPM.toString(), "--no-audit", "--no-fund", "--loglevel=error",
                "openai@6.49.0", "@anthropic-ai/sdk@1.12.0", "anthropic-legacy@npm:@anthropic-ai/sdk@0.71.2");
    }

    private static String script() throws IOException {
        Path file = NPM.resolve("model-clients.mjs");
        try (var in = NodeSdkClientsTest.class.getResourceAsStream("/node/model-clients.mjs")) {
            Files.write(file, in.readAllBytes());
        }
        return file.toString();
    }

    private static String run(String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false);
        pb.environment().put("NODE_MODULES_DIR", NPM.resolve("node_modules").toString());
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " timed out");
        }
        String text = new String(out, StandardCharsets.UTF_8).trim();
        if (p.exitValue() != 0) {
            throw new IllegalStateException(command[0] + " failed (" + p.exitValue() + "): " + text);
        }
        return text.isEmpty() ? "{}" : text.lines().reduce((a, b) -> b).orElse("{}");
    }
}

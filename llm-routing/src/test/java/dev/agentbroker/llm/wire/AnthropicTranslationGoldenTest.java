package dev.agentbroker.llm.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import jakarta.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.agentbroker.llm.Golden;

/**
 * Golden files for chat-completions clients on an Anthropic-backed model: each folder under
 * golden/anthropic holds the client's request and the Anthropic request it must become, and
 * an Anthropic answer (JSON or SSE) with the chat completion it must become.
 */
class AnthropicTranslationGoldenTest {
    static final long CREATED = 1_700_000_000L;

    static Stream<Path> cases() throws IOException {
        return Files.list(Golden.ROOT.resolve("anthropic")).sorted();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void requestTranslatesToTheGoldenAnthropicRequest(Path dir) {
        JsonObject chat = Golden.json(dir.resolve("chat-request.json"));
        assertEquals(Golden.json(dir.resolve("upstream-request.json")), ChatToMessagesRequest.translate(chat, "claude-sonnet-4"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void responseTranslatesToTheGoldenChatCompletion(Path dir) {
        if (Files.exists(dir.resolve("upstream-response.json"))) {
            assertEquals(Golden.json(dir.resolve("chat-response.json")),
                    MessagesToChatResponse.translate(Golden.json(dir.resolve("upstream-response.json")), CREATED));
        }
        if (Files.exists(dir.resolve("upstream-stream.sse"))) {
            MessagesToChatStream translator = new MessagesToChatStream(CREATED, true);
            StringBuilder out = new StringBuilder();
            for (String event : Golden.events(Golden.text(dir.resolve("upstream-stream.sse")))) {
                int bar = event.indexOf('|');
                List<byte[]> chunks = translator.onEvent(event.substring(0, bar), Jsons.objectOrNull(event.substring(bar + 1)));
                chunks.forEach(c -> out.append(new String(c, StandardCharsets.UTF_8)));
            }
            Golden.assertSameEvents(Golden.text(dir.resolve("chat-stream.sse")), out.toString());
        }
    }
}

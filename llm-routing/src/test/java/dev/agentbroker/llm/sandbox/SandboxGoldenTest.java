package dev.agentbroker.llm.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.agentbroker.llm.Endpoint;
import dev.agentbroker.llm.Golden;
import dev.agentbroker.llm.provider.ProviderKind;
import dev.agentbroker.llm.provider.ProviderSpec;
import dev.agentbroker.llm.provider.Timeouts;
import dev.agentbroker.llm.provider.UpstreamCall;
import dev.agentbroker.llm.provider.UpstreamRequest;

/**
 * The sandbox model's answers are deterministic: each request under golden/sandbox gets
 * exactly the golden answer, in both dialects, streamed and not. Run with
 * {@code -Dgolden.update=true} to rewrite the golden answers after a deliberate change.
 */
class SandboxGoldenTest {
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
    static final SandboxProvider SANDBOX = new SandboxProvider(new ProviderSpec("sandbox", ProviderKind.SANDBOX, null, null, null),
            ScenarioLibrary.load(null), CLOCK);

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("openai-first-turn", Endpoint.CHAT_COMPLETIONS, "write-file", false),
                Arguments.of("openai-first-turn-stream", Endpoint.CHAT_COMPLETIONS, "write-file", true),
                Arguments.of("openai-after-tool", Endpoint.CHAT_COMPLETIONS, "write-file", false),
                Arguments.of("anthropic-first-turn", Endpoint.MESSAGES, "write-file", false),
                Arguments.of("anthropic-first-turn-stream", Endpoint.MESSAGES, "write-file", true),
                Arguments.of("anthropic-after-tool-stream", Endpoint.MESSAGES, "write-file", true),
                Arguments.of("openai-echo", Endpoint.CHAT_COMPLETIONS, "echo", false),
                Arguments.of("embeddings", Endpoint.EMBEDDINGS, "echo", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersExactlyAsTheGoldenFileSays(String name, Endpoint endpoint, String scenario, boolean stream) throws IOException {
        Path dir = Golden.ROOT.resolve("sandbox");
        byte[] request = Files.readAllBytes(dir.resolve(name + ".request.json"));
        UpstreamCall call = SANDBOX.send(new UpstreamRequest(endpoint, scenario, request, stream, Timeouts.DEFAULT,
                Instant.now().plusSeconds(10)));
        String answer = new String(call.readAll(1 << 20), StandardCharsets.UTF_8);
        Path golden = dir.resolve(name + (stream ? ".answer.sse" : ".answer.json"));
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, answer);
        }
        assertEquals(200, call.status());
        if (stream) {
            Golden.assertSameEvents(Golden.text(golden), answer);
        } else {
            assertEquals(Golden.json(golden), Golden.parse(answer));
        }
    }
}

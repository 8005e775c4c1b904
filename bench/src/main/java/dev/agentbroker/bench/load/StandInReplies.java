package dev.agentbroker.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The provider stand-in's answers in the OpenAI chat-completions wire format, rendered once
 * at start-up so serving one costs a copy, not a JSON build: a whole completion, and the
 * SSE events of a streamed one ({@code chunks} content deltas, a finish chunk, an optional
 * usage chunk, then {@code data: [DONE]}). Immutable.
 */
record StandInReplies(byte[] completion, List<byte[]> streamEvents, byte[] usageEvent, byte[] done) {
    static final int PROMPT_TOKENS = 12;

    static StandInReplies render(int chunks) {
        String completion = """
                {"id":"chatcmpl-bench","object":"chat.completion","created":1767225600,"model":"bench-model",\
                "choices":[{"index":0,"message":{"role":"assistant","content":"%s"},"finish_reason":"stop"}],\
                "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}""".formatted(
                text(chunks), PROMPT_TOKENS, chunks, PROMPT_TOKENS + chunks);
        List<byte[]> events = new ArrayList<>();
        events.add(event("{\"role\":\"assistant\",\"content\":\"\"}", "null"));
        for (int i = 0; i < chunks; i++) {
            events.add(event("{\"content\":\"" + word(i) + "\"}", "null"));
        }
        events.add(event("{}", "\"stop\""));
        String usage = "data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1767225600,"
                + "\"model\":\"bench-model\",\"choices\":[],\"usage\":{\"prompt_tokens\":" + PROMPT_TOKENS
                + ",\"completion_tokens\":" + chunks + ",\"total_tokens\":" + (PROMPT_TOKENS + chunks) + "}}\n\n";
        return new StandInReplies(bytes(completion), List.copyOf(events), bytes(usage), bytes("data: [DONE]\n\n"));
    }

    /** The full text a client reassembles from the stream, equal to the non-streamed content. */
    static String text(int chunks) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < chunks; i++) {
            b.append(word(i));
        }
        return b.toString();
    }

    private static String word(int i) {
        return "tok" + i + " ";
    }

    private static byte[] event(String delta, String finish) {
        return bytes("data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1767225600,"
                + "\"model\":\"bench-model\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                + finish + "}]}\n\n");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

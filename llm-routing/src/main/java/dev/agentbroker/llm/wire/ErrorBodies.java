package dev.agentbroker.llm.wire;

import static dev.agentbroker.llm.JsonFactories.JSON;

import java.nio.charset.StandardCharsets;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import dev.agentbroker.llm.LlmException;
import dev.agentbroker.llm.WireFormat;

/**
 * Renders an {@link LlmException} as the error body the client's SDK expects: OpenAI's
 * {@code {"error":{"message","type","param","code"}}} or Anthropic's
 * {@code {"type":"error","error":{"type","message"}}}. The only place errors become JSON.
 */
public final class ErrorBodies {
    private ErrorBodies() {
    }

    public static JsonObject json(WireFormat format, LlmException error) {
        String type = error.kind().type(format);
        if (format == WireFormat.ANTHROPIC) {
            return JSON.createObjectBuilder().add("type", "error")
                    .add("error", JSON.createObjectBuilder().add("type", type).add("message", error.getMessage()))
                    .build();
        }
        JsonObjectBuilder inner = JSON.createObjectBuilder().add("message", error.getMessage()).add("type", type)
                .addNull("param");
        if (error.code() != null) {
            inner.add("code", error.code());
        } else {
            inner.addNull("code");
        }
        return JSON.createObjectBuilder().add("error", inner).build();
    }

    public static byte[] bytes(WireFormat format, LlmException error) {
        return json(format, error).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The error as one SSE event, for failures after a stream has started. */
    public static byte[] sseEvent(WireFormat format, LlmException error) {
        String data = json(format, error).toString();
        String event = format == WireFormat.ANTHROPIC ? "event: error\ndata: " + data + "\n\n" : "data: " + data + "\n\n";
        return event.getBytes(StandardCharsets.UTF_8);
    }
}

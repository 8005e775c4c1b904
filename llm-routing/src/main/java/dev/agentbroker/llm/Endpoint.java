package dev.agentbroker.llm;

/** The model endpoints the broker serves, each with the wire format its clients speak. */
public enum Endpoint {
    CHAT_COMPLETIONS("/chat/completions", WireFormat.OPENAI),
    MESSAGES("/messages", WireFormat.ANTHROPIC),
    EMBEDDINGS("/embeddings", WireFormat.OPENAI),
    RESPONSES("/responses", WireFormat.OPENAI);

    private final String path;
    private final WireFormat format;

    Endpoint(String path, WireFormat format) {
        this.path = path;
        this.format = format;
    }

    /** The path below the API root ({@code /v1}), e.g. {@code /chat/completions}. */
    public String path() {
        return path;
    }

    /** The format of requests, responses and errors on this endpoint. */
    public WireFormat format() {
        return format;
    }
}

package dev.agentbroker.llm;

/** The two HTTP dialects clients and providers speak: OpenAI's and Anthropic's. */
public enum WireFormat {
    /** OpenAI chat completions, embeddings and responses (also Azure OpenAI, vLLM, Ollama, LM Studio). */
    OPENAI,
    /** Anthropic Messages API. */
    ANTHROPIC
}

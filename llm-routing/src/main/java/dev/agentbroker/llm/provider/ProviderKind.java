package dev.agentbroker.llm.provider;

import dev.agentbroker.llm.Endpoint;
import dev.agentbroker.llm.WireFormat;

/** The closed set of provider kinds, with the dialect each speaks natively. */
public enum ProviderKind {
    OPENAI(WireFormat.OPENAI),
    AZURE_OPENAI(WireFormat.OPENAI),
    OPENAI_COMPATIBLE(WireFormat.OPENAI),
    ANTHROPIC(WireFormat.ANTHROPIC),
    SANDBOX(null);

    private final WireFormat format;

    ProviderKind(WireFormat format) {
        this.format = format;
    }

    /** Whether this kind answers {@code format} natively (the sandbox speaks both). */
    public boolean speaks(WireFormat wanted) {
        return format == null || format == wanted;
    }

    /** The native dialect, or null for the sandbox. */
    public WireFormat format() {
        return format;
    }

    /** Whether the provider has {@code endpoint} (natively or through translation). */
    public boolean supports(Endpoint endpoint) {
        return switch (endpoint) {
            case CHAT_COMPLETIONS, MESSAGES -> true;
            case EMBEDDINGS -> this != ANTHROPIC;
            case RESPONSES -> this == OPENAI || this == AZURE_OPENAI || this == OPENAI_COMPATIBLE;
        };
    }
}

package dev.agentbroker.llm.usage;

/**
 * Tokens one model call consumed.
 *
 * @param inputTokens  prompt tokens
 * @param outputTokens completion tokens
 * @param estimated    true when the provider reported no usage and the counts were estimated
 */
public record Usage(long inputTokens, long outputTokens, boolean estimated) {
    public static final Usage NONE = new Usage(0, 0, false);

    public Usage {
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
    }

    public long total() {
        return inputTokens + outputTokens;
    }

    /** A rough count for text whose tokens nobody reported: about four bytes per token. */
    public static long estimateTokens(long bytes) {
        return bytes <= 0 ? 0 : Math.max(1, (bytes + 3) / 4);
    }
}

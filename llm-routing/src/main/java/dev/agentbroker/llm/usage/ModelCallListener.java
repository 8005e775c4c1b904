package dev.agentbroker.llm.usage;

/**
 * The event sink port: told about every model call, allowed or denied. For a JSON answer it
 * is called before the body is written, for a streamed answer before its terminal event, so
 * an implementation that must make the record durable (the broker's audit) may throw to fail
 * the call closed (a stream then ends with an error event instead). Implementations are
 * thread-safe.
 */
@FunctionalInterface
public interface ModelCallListener {
    ModelCallListener NONE = record -> { };

    void onCall(ModelCallRecord record);

    /**
     * Whether calls can be recorded right now; when not, the gateway refuses a call before it
     * reaches a provider (a stream's content would otherwise go out unrecorded).
     */
    default boolean accepting() {
        return true;
    }
}

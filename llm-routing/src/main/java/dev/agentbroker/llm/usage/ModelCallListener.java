package dev.agentbroker.llm.usage;

/**
 * The event sink port: told about every model call, allowed or denied. For a JSON answer it
 * is called before the body is written, so an implementation that must make the record
 * durable (the broker's audit) may throw to fail the call closed; for a streamed answer it
 * is called after the last byte. Implementations are thread-safe.
 */
@FunctionalInterface
public interface ModelCallListener {
    ModelCallListener NONE = record -> { };

    void onCall(ModelCallRecord record);
}

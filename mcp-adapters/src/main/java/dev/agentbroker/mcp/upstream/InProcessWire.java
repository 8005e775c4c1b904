package dev.agentbroker.mcp.upstream;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

import jakarta.json.JsonObject;

/**
 * A wire to an MCP server living in the broker's JVM (the sandbox servers): each message is
 * handed to the server on a virtual thread; the server answers through a callback.
 */
final class InProcessWire implements Wire {
    private final BiConsumer<JsonObject, Consumer<JsonObject>> server;
    private volatile Inbound inbound;

    InProcessWire(BiConsumer<JsonObject, Consumer<JsonObject>> server) {
        this.server = server;
    }

    @Override
    public void start(Inbound receiver) {
        this.inbound = receiver;
    }

    @Override
    public void send(JsonObject message, CallContext hint) {
        Inbound receiver = inbound;
        Thread.startVirtualThread(() -> server.accept(message, reply -> receiver.message(reply, hint)));
    }

    @Override
    public void close() {
        Inbound receiver = inbound;
        if (receiver != null) {
            receiver.closed("was closed");
        }
    }
}

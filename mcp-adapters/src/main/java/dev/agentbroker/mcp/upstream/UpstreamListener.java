package dev.agentbroker.mcp.upstream;

import jakarta.json.JsonObject;

/** Receives what an upstream says outside any request, and (re)connections. Thread-safe. */
public interface UpstreamListener {
    /** Ignores everything. */
    UpstreamListener NONE = new UpstreamListener() {
        @Override
        public void notification(String server, JsonObject message) {
        }

        @Override
        public void connected(String server) {
        }
    };

    /** A notification not related to a request: list changes, resource updates, log messages. */
    void notification(String server, JsonObject message);

    /** The upstream completed an initialize handshake (first start or after a restart). */
    void connected(String server);
}

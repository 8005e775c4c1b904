package dev.agentbroker.mcp.gateway;

import jakarta.json.JsonObject;

/**
 * Decides whether a caller may perform one MCP operation; implemented by the host (the
 * broker: token scopes, then Cedar). Called before forwarding {@code tools/call},
 * {@code resources/read}, {@code prompts/get}, for each item of a list, and before relaying a
 * server-to-client request. Must be thread-safe and must fail closed.
 */
public interface McpGate {
    /** What is being attempted. */
    enum Action {
        CONNECT("connect"), CALL_TOOL("call_tool"), READ_RESOURCE("read_resource"), GET_PROMPT("get_prompt"),
        RELAY_REQUEST("relay_request");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        /** The action's name in denial messages and audit records, e.g. {@code call_tool}. */
        public String label() {
            return label;
        }
    }

    /**
     * One operation to decide.
     *
     * @param action      what is attempted
     * @param server      the upstream server's configured name
     * @param item        the tool or prompt name, or resource URI, as the upstream knows it
     *                    (for CONNECT: null; for RELAY_REQUEST: the method)
     * @param arguments   the call's arguments, or null when listing
     * @param annotations the tool's annotations, or null
     * @param listing     true when deciding whether to show the item in a list
     */
    record Operation(Action action, String server, String item, JsonObject arguments, JsonObject annotations,
                     boolean listing) {
    }

    /** Allowed, or denied with a reason safe to show the caller. */
    record Decision(boolean allowed, String reason) {
        public static final Decision ALLOW = new Decision(true, null);

        public static Decision deny(String reason) {
            return new Decision(false, reason);
        }
    }

    /**
     * @param caller the host's identity object for the request (opaque here)
     */
    Decision check(Object caller, Operation operation);
}

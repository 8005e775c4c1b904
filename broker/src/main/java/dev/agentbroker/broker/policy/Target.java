package dev.agentbroker.broker.policy;

import java.util.Set;

/**
 * What a request acts on; each kind has exactly one action. The broker's endpoints build
 * these from what they parsed (model alias, upstream server and tool, resource URI...).
 */
public sealed interface Target {
    /** The action of a request on this target. */
    PolicyAction action();

    /** How denials and audit records name it, e.g. {@code Tool::"fs/write_file"}. */
    String display();

    /** A model alias of the routing table ({@code /v1/...}). */
    record Model(String name) implements Target {
        public Model {
            Names.require("model", name);
        }

        public PolicyAction action() {
            return PolicyAction.INVOKE_MODEL;
        }

        public String display() {
            return "Model::\"" + name + "\"";
        }
    }

    /** A tool of an upstream server, by its upstream (not namespaced) name ({@code tools/call}). */
    record Tool(String server, String name) implements Target {
        public Tool {
            Names.server(server);
            Names.require("tool", name);
        }

        public PolicyAction action() {
            return PolicyAction.CALL_TOOL;
        }

        public String display() {
            return "Tool::\"" + server + "/" + name + "\"";
        }
    }

    /** Listing one upstream server's tools ({@code tools/list}). */
    record ToolList(String server) implements Target {
        public ToolList {
            Names.server(server);
        }

        public PolicyAction action() {
            return PolicyAction.LIST_TOOLS;
        }

        public String display() {
            return "McpServer::\"" + server + "\"";
        }
    }

    /** An MCP resource ({@code resources/read}). */
    record Resource(String server, String uri) implements Target {
        public Resource {
            Names.server(server);
            Names.require("resource uri", uri);
        }

        public PolicyAction action() {
            return PolicyAction.READ_RESOURCE;
        }

        public String display() {
            return "McpResource::\"" + server + "/" + uri + "\"";
        }
    }

    /** An MCP prompt ({@code prompts/get}). */
    record Prompt(String server, String name) implements Target {
        public Prompt {
            Names.server(server);
            Names.require("prompt", name);
        }

        public PolicyAction action() {
            return PolicyAction.GET_PROMPT;
        }

        public String display() {
            return "Prompt::\"" + server + "/" + name + "\"";
        }
    }

    /** A token exchange for {@code audience} asking for {@code requestedScopes}. */
    record TokenExchange(String audience, Set<String> requestedScopes) implements Target {
        public TokenExchange {
            Names.require("audience", audience);
            requestedScopes = Set.copyOf(requestedScopes);
        }

        public PolicyAction action() {
            return PolicyAction.EXCHANGE_TOKEN;
        }

        public String display() {
            return "Audience::\"" + audience + "\"";
        }
    }
}

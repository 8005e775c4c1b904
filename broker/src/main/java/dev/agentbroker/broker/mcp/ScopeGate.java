package dev.agentbroker.broker.mcp;

import java.util.Set;

import dev.agentbroker.broker.token.VerifiedToken;
import dev.agentbroker.mcp.gateway.McpGate;

/**
 * The default {@link McpGate}: decides from the task token's scopes alone, with the grammar
 * the policies use: {@code mcp:*} grants everything, {@code mcp:SERVER} one server,
 * {@code mcp:SERVER/TOOL} one tool (and connecting to and listing its server). Resources,
 * prompts and relayed server-to-client requests need the server scope. The caller must be
 * the request's {@link VerifiedToken}; anything else is denied. Stateless and thread-safe.
 */
public final class ScopeGate implements McpGate {
    @Override
    public Decision check(Object caller, Operation op) {
        if (!(caller instanceof VerifiedToken token)) {
            return Decision.deny("no verified token");
        }
        Set<String> scopes = token.scopes();
        if (scopes.contains("mcp:*") || scopes.contains("mcp:" + op.server())) {
            return Decision.ALLOW;
        }
        return switch (op.action()) {
            case CONNECT -> scopes.stream().anyMatch(s -> s.startsWith("mcp:" + op.server() + "/"))
                    ? Decision.ALLOW : Decision.deny("the token's scopes do not include mcp:" + op.server());
            case CALL_TOOL -> scopes.contains("mcp:" + op.server() + "/" + op.item()) ? Decision.ALLOW
                    : Decision.deny("the token's scopes do not include mcp:" + op.server() + "/" + op.item());
            default -> Decision.deny("the token's scopes do not include mcp:" + op.server());
        };
    }
}

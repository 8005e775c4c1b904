package dev.agentbroker.broker.enforce;

import java.util.Map;
import java.util.Set;

import jakarta.json.JsonObject;

import dev.agentbroker.broker.audit.AuditUnavailableException;
import dev.agentbroker.broker.policy.Delegation;
import dev.agentbroker.broker.policy.PolicyEngine;
import dev.agentbroker.broker.policy.PolicyRequest;
import dev.agentbroker.broker.policy.Target;
import dev.agentbroker.broker.token.VerifiedToken;
import dev.agentbroker.mcp.gateway.CanonicalJson;
import dev.agentbroker.mcp.gateway.McpGate;

/**
 * Cedar at every MCP operation of the gateway. The caller must be the request's
 * {@link VerifiedToken} (anything else is a deny). {@code tools/call}, {@code resources/read}
 * and {@code prompts/get} are {@code call_tool}, {@code read_resource} and {@code get_prompt}
 * with the arguments canonicalised, decided in full and audited as {@code policy.decision}
 * before they are forwarded (an audit failure is a deny). Listing an item and connecting to
 * a server ({@code list_tools}) ask {@link PolicyEngine#couldPermit}: an item is shown when
 * some arguments and approval could be permitted, hidden when it can never be. A
 * server-to-client request from an upstream (sampling, elicitation, roots) is relayed only for
 * those methods and only while the caller may still list that server. Thread-safe.
 */
public final class CedarMcpGate implements McpGate {
    /** The server-to-client methods an upstream may send through the broker. */
    static final Set<String> RELAYED = Set.of("sampling/createMessage", "elicitation/create", "roots/list", "ping");

    private final PolicyEngine engine;
    private final McpEntities entities;
    private final TaskBudgets budgets;
    private final DecisionAudit audit;

    CedarMcpGate(PolicyEngine engine, McpEntities entities, TaskBudgets budgets, DecisionAudit audit) {
        this.engine = engine;
        this.entities = entities;
        this.budgets = budgets;
        this.audit = audit;
    }

    @Override
    public McpGate.Decision check(Object caller, Operation op) {
        if (!(caller instanceof VerifiedToken token)) {
            return McpGate.Decision.deny("no verified task token");
        }
        if (op == null || op.action() == null || op.server() == null) {
            return McpGate.Decision.deny("incomplete operation");
        }
        try {
            return switch (op.action()) {
                case CONNECT -> listable(token, new Target.ToolList(op.server()));
                case CALL_TOOL -> callTool(token, op);
                case READ_RESOURCE -> gated(token, new Target.Resource(op.server(), op.item()), op);
                case GET_PROMPT -> gated(token, new Target.Prompt(op.server(), op.item()), op);
                case RELAY_REQUEST -> relay(token, op);
            };
        } catch (AuditUnavailableException e) {
            return McpGate.Decision.deny("the audit log is unavailable");
        } catch (IllegalArgumentException | NullPointerException e) {
            return McpGate.Decision.deny("invalid request: " + e.getMessage());
        }
    }

    private McpGate.Decision callTool(VerifiedToken token, Operation op) {
        if (op.item() == null || !entities.presented(op.server(), op.item(), op.annotations())) {
            return McpGate.Decision.deny("unknown MCP server \"" + op.server() + "\"");
        }
        return gated(token, new Target.Tool(op.server(), op.item()), op);
    }

    private McpGate.Decision gated(VerifiedToken token, Target target, Operation op) {
        if (op.listing()) {
            return listable(token, target);
        }
        PolicyRequest request = request(token, target).arguments(op.arguments()).build();
        dev.agentbroker.broker.policy.Decision decision = engine.authorize(request);
        audit.record(token, decision, op.arguments() == null ? Map.of("server", op.server())
                : Map.of("server", op.server(), "argument_digest", CanonicalJson.sha256(op.arguments())));
        return answer(decision);
    }

    private McpGate.Decision relay(VerifiedToken token, Operation op) {
        if (!RELAYED.contains(op.item())) {
            return McpGate.Decision.deny("the broker does not relay " + op.item() + " from an upstream");
        }
        dev.agentbroker.broker.policy.Decision decision = engine.authorize(request(token, new Target.ToolList(op.server())).build());
        audit.record(token, decision, Map.of("server", op.server(), "relayMethod", op.item()));
        return answer(decision);
    }

    private McpGate.Decision listable(VerifiedToken token, Target target) {
        return engine.couldPermit(request(token, target).build()) ? McpGate.Decision.ALLOW
                : McpGate.Decision.deny("not permitted by policy");
    }

    private PolicyRequest.Builder request(VerifiedToken token, Target target) {
        return PolicyRequest.builder(Delegation.of(token), target).budgets(budgets.of(token));
    }

    /** The gateway prefixes "ACTION on NAME denied: ", so the reason only adds what is left. */
    private static McpGate.Decision answer(dev.agentbroker.broker.policy.Decision decision) {
        if (decision.allowed()) {
            return McpGate.Decision.ALLOW;
        }
        String head = "action " + decision.action() + " on " + decision.resource() + " denied";
        String rest = decision.reason().startsWith(head) ? decision.reason().substring(head.length()) : "";
        return McpGate.Decision.deny("not permitted by policy" + rest);
    }
}
